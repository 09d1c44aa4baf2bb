import { notFound } from 'next/navigation';
import { RunView } from '../../_components/run-view';

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const runId = Number(id);
  if (!Number.isInteger(runId) || runId <= 0) notFound();
  return <RunView id={runId} />;
}

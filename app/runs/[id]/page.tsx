import { notFound } from 'next/navigation';
import { RunView } from '../../_components/run-view';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return { title: `Run #${id} — Sawtooth` };
}

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const runId = Number(id);
  if (!Number.isInteger(runId) || runId <= 0) notFound();
  return <RunView id={runId} />;
}

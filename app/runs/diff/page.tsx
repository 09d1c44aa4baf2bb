import { notFound } from 'next/navigation';
import { RunDiff } from '../_components/run-diff';

export const metadata = { title: 'What changed between two runs — Sawtooth' };

export default async function RunDiffPage({ searchParams }: { searchParams: Promise<{ before?: string; after?: string }> }) {
  const { before, after } = await searchParams;
  const a = Number(before);
  const b = Number(after);
  if (!Number.isInteger(a) || a <= 0 || !Number.isInteger(b) || b <= 0) notFound();
  return <RunDiff before={a} after={b} />;
}

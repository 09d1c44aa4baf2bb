'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../_trpc/client';

/** Links to the diff of this run against the model's other runs (newest five): which probes changed outcome. */
export function RunDiffLinks({ runId, modelId }: { runId: number; modelId: string }) {
  const trpc = useTRPC();
  const runs = useQuery(trpc.runs.list.queryOptions({ modelId, limit: 6 }));
  const others = (runs.data ?? []).filter((r) => r.id !== runId).slice(0, 5);
  if (others.length === 0) return null;
  return (
    <div className="row" style={{ marginTop: 10 }}>
      <span className="ci">What changed against another run of this model:</span>
      {others.map((r) => (
        <Link key={r.id} className="button" href={`/runs/diff?before=${Math.min(r.id, runId)}&after=${Math.max(r.id, runId)}`} data-testid="diff-link">vs run #{r.id}</Link>
      ))}
    </div>
  );
}

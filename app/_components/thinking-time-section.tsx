'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../_trpc/client';
import { ErrorState } from './states';
import { ThinkingTimeChart } from './thinking-time-chart';

/** The thinking-time chart, shown only for models whose answers report ticks (the local CTM). */
export function ThinkingTimeSection({ modelId, suite, runs }: { modelId: string; suite: string; runs?: number[] }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.models.thinkingTime.queryOptions({ id: modelId, suite, runs }));
  if (query.isPending) return null;
  if (query.isError) return <ErrorState error={query.error} />;
  if (query.data.runs === 0) return null;
  return (
    <>
      <h2>Thinking time</h2>
      <p className="subtitle">Internal ticks used per answer on easy vs hard probes, in the families evaluated ({query.data.runs} run{query.data.runs === 1 ? '' : 's'} of this profile report ticks; refusals use none).</p>
      <ThinkingTimeChart rows={query.data.families} filename={`${modelId}-thinking-time`} />
    </>
  );
}

'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import Link from 'next/link';
import { useRef } from 'react';
import { useTRPC } from '../_trpc/client';
import { estimateRemainingMs, formatDuration, type ProgressSample } from './eta';
import { pct, when } from './format';
import { RunControls } from './run-controls';
import { RunDiffLinks } from './run-diff-links';
import { RunErrorKinds } from './run-error-kinds';
import { RunProgressBar } from './run-progress-bar';
import { RunResults } from './run-results';
import { ErrorState, Loading } from './states';

export function RunView({ id }: { id: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pace = useRef<{ first?: ProgressSample; latest?: ProgressSample }>({});
  const runQuery = useQuery(trpc.runs.get.queryOptions({ id }));
  const modelId = runQuery.data?.run.modelId;
  const model = useQuery({ ...trpc.adminModels.get.queryOptions({ id: modelId ?? '' }), enabled: Boolean(modelId) });
  // Live progress: each snapshot replaces the cached run, so every view of it (counts, buttons, results) follows.
  const live = useSubscription(
    trpc.runs.progress.subscriptionOptions({ id }, {
      onData: (snapshot) => {
        const done = snapshot.run.passCount + snapshot.run.failCount + snapshot.run.errorCount + snapshot.run.refusalCount;
        const sample = { at: Date.now(), done };
        pace.current = { first: pace.current.first ?? sample, latest: sample };
        queryClient.setQueryData(trpc.runs.get.queryKey({ id }), snapshot);
        void queryClient.invalidateQueries({ queryKey: trpc.runs.resultsPage.queryKey() });
      },
    }),
  );
  const restartLive = () => {
    pace.current = {};
    void queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() });
    live.reset(); // the subscription ended with the run; a resumed run needs a new one
  };

  if (runQuery.isPending) return <Loading what="run" />;
  if (runQuery.isError) return <ErrorState error={runQuery.error} />;
  const { run, errorKinds } = runQuery.data;
  const done = run.passCount + run.failCount + run.errorCount + run.refusalCount;
  const active = run.status === 'queued' || run.status === 'running';
  const imported = run.origin === 'import';
  const remaining = active ? estimateRemainingMs(pace.current.first, pace.current.latest, run.expected) : null;
  return (
    <>
      <h1>Run #{run.id}</h1>
      <p className="subtitle">
        <Link href={`/models/${encodeURIComponent(run.modelId)}`}>{run.modelLabel}</Link> on suite {run.suiteId} ({run.suiteVersion}) ·
        {imported ? ` ${run.message ?? 'imported'}` : ` started ${when(run.startedAt ?? run.createdAt)}`}
      </p>
      <div className="card">
        <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
          <strong className="status" data-testid="run-status">{run.status}</strong>
          <span data-testid="run-done">
            {done} / {run.expected} answered ({pct(run.expected ? done / run.expected : 0)})
            {active ? <span className="ci" data-testid="run-eta"> · {remaining === null ? (run.status === 'queued' ? 'waiting for a worker' : 'estimating time left…') : `${formatDuration(remaining)} left`}</span> : null}
          </span>
        </div>
        <RunProgressBar pass={run.passCount} fail={run.failCount} error={run.errorCount} expected={run.expected} />
        <RunControls run={{ ...run, active, imported }} onRestart={restartLive} />
        <RunDiffLinks runId={run.id} modelId={run.modelId} />
        {live.status === 'error' && active ? <p className="ci" role="status">Live updates paused ({live.error?.message}); reload to reconnect.</p> : null}
      </div>
      <RunErrorKinds errorKinds={errorKinds} model={model.data} />
      <h2>Results</h2>
      <RunResults runId={id} active={active} />
    </>
  );
}

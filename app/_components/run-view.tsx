'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { useTRPC } from '../_trpc/client';
import { errorAdvice } from '../../evals/contracts/error-advice';
import { estimateRemainingMs, formatDuration, type ProgressSample } from './eta';
import { pct, when } from './format';
import { Empty, ErrorState, Loading } from './states';

type Outcome = 'pass' | 'fail' | 'error';

function ProgressBar({ pass, fail, error, expected }: { pass: number; fail: number; error: number; expected: number }) {
  const w = (n: number) => `${expected === 0 ? 0 : (100 * n) / expected}%`;
  const done = pass + fail + error;
  return (
    <div role="progressbar" aria-valuemin={0} aria-valuemax={expected} aria-valuenow={done} aria-label="run progress">
      <div className="progress">
        <span className="p-pass" style={{ width: w(pass) }} />
        <span className="p-fail" style={{ width: w(fail) }} />
        <span className="p-error" style={{ width: w(error) }} />
      </div>
    </div>
  );
}

export function RunView({ id }: { id: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const pace = useRef<{ first?: ProgressSample; latest?: ProgressSample }>({});
  const runQuery = useQuery(trpc.runs.get.queryOptions({ id }));
  const modelId = runQuery.data?.run.modelId;
  const model = useQuery({ ...trpc.adminModels.get.queryOptions({ id: modelId ?? '' }), enabled: Boolean(modelId) });
  // Live progress: each snapshot replaces the cached run, so every view of it (counts, buttons, results) follows.
  const live = useSubscription(
    trpc.runs.progress.subscriptionOptions({ id }, {
      onData: (snapshot) => {
        const done = snapshot.run.passCount + snapshot.run.failCount + snapshot.run.errorCount;
        const sample = { at: Date.now(), done };
        pace.current = { first: pace.current.first ?? sample, latest: sample };
        queryClient.setQueryData(trpc.runs.get.queryKey({ id }), snapshot);
        void queryClient.invalidateQueries({ queryKey: trpc.runs.results.queryKey() });
      },
    }),
  );
  const results = useQuery(trpc.runs.results.queryOptions({ id, outcome, limit: 50 }));
  const restartLive = () => {
    pace.current = {};
    void queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() });
    live.reset(); // the subscription ended with the run; a resumed run needs a new one
  };
  const cancel = useMutation(trpc.runs.cancel.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() }) }));
  const resume = useMutation(trpc.runs.resume.mutationOptions({ onSuccess: restartLive }));
  const retry = useMutation(trpc.runs.retryErrors.mutationOptions({ onSuccess: restartLive }));

  if (runQuery.isPending) return <Loading what="run" />;
  if (runQuery.isError) return <ErrorState error={runQuery.error} />;
  const { run, errorKinds } = runQuery.data;
  const done = run.passCount + run.failCount + run.errorCount;
  const active = run.status === 'queued' || run.status === 'running';
  const imported = run.origin === 'import';
  const remaining = active ? estimateRemainingMs(pace.current.first, pace.current.latest, run.expected) : null;
  const controlError = cancel.error ?? resume.error ?? retry.error;
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
        <ProgressBar pass={run.passCount} fail={run.failCount} error={run.errorCount} expected={run.expected} />
        <div className="row" style={{ marginTop: 10 }}>
          <span className="outcome-pass">pass {run.passCount}</span>
          <span className="outcome-fail">fail {run.failCount}</span>
          <span className="outcome-error">error {run.errorCount}</span>
          <span style={{ flex: 1 }} />
          {imported ? null : (
            <>
              <button type="button" disabled={!active || cancel.isPending} onClick={() => cancel.mutate({ id })}>Cancel</button>
              <button type="button" disabled={active || resume.isPending || done >= run.expected} onClick={() => resume.mutate({ id })}>Resume</button>
              <button type="button" disabled={active || retry.isPending || run.errorCount === 0} onClick={() => retry.mutate({ id })}>Retry errors</button>
            </>
          )}
          <a className="button" href={`/api/export/results?run=${run.id}&format=csv`} download>Export CSV</a>
          <a className="button" href={`/api/export/results?run=${run.id}&format=json`} download>Export JSON</a>
        </div>
        {run.message && !imported ? <p className="error-state" role="alert">{run.message}</p> : null}
        {controlError ? <p className="error-state" role="alert">{controlError.message}</p> : null}
        {live.status === 'error' && active ? <p className="ci" role="status">Live updates paused ({live.error?.message}); reload to reconnect.</p> : null}
      </div>
      {errorKinds.length > 0 ? (
        <>
          <h2>Errors by kind</h2>
          <div className="table-wrap">
            <table data-testid="error-kinds">
              <thead><tr><th>Kind</th><th className="num">Count</th><th>What to do</th></tr></thead>
              <tbody>
                {errorKinds.map((k) => (
                  <tr key={k.kind}>
                    <td><span className="tag">{k.kind}</span></td>
                    <td className="num">{k.n}</td>
                    <td>{errorAdvice(k.kind, model.data)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <h2>Results</h2>
      <div className="row" role="group" aria-label="Filter by outcome" style={{ marginBottom: 8 }}>
        {([undefined, 'pass', 'fail', 'error'] as const).map((o) => (
          <button type="button" key={o ?? 'all'} aria-pressed={outcome === o} onClick={() => setOutcome(o)}>{o ?? 'all'}</button>
        ))}
      </div>
      {results.isPending ? <Loading what="results" /> : results.isError ? <ErrorState error={results.error} /> : results.data.length === 0 ? (
        <Empty>{outcome ? `No ${outcome} results.` : active ? 'No answers yet: they appear here as they arrive.' : 'No results.'}</Empty>
      ) : (
        <div className="table-wrap">
          <table data-testid="results-table">
            <thead><tr><th>Probe</th><th>Outcome</th><th>Expected</th><th>Extracted</th><th>Response</th><th>Reason</th></tr></thead>
            <tbody>
              {results.data.map((r) => (
                <tr key={r.id}>
                  <td>{r.probeId}<div className="ci">{r.tier}{r.sample > 1 ? ` · sample ${r.sample}` : ''}</div></td>
                  <td className={`outcome-${r.outcome}`}>{r.outcome}{r.errorKind ? <div className="ci">{r.errorKind}</div> : null}</td>
                  <td>{r.answer}</td>
                  <td>{r.extracted ?? '—'}</td>
                  <td style={{ maxWidth: 380 }}>{r.response ? <pre className="transcript">{r.response}</pre> : <span className="ci">no answer</span>}</td>
                  <td className="ci">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

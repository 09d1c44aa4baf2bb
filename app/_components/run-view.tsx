'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '../_trpc/client';
import { pct, when } from './format';
import { ErrorState, Loading } from './states';

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
  const runQuery = useQuery(trpc.runs.get.queryOptions({ id }));
  const live = useSubscription(trpc.runs.progress.subscriptionOptions({ id }));
  const results = useQuery(trpc.runs.results.queryOptions({ id, outcome, limit: 50 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() });
  const cancel = useMutation(trpc.runs.cancel.mutationOptions({ onSuccess: refresh }));
  const resume = useMutation(trpc.runs.resume.mutationOptions({ onSuccess: refresh }));
  const retry = useMutation(trpc.runs.retryErrors.mutationOptions({ onSuccess: refresh }));

  if (runQuery.isPending) return <Loading what="run" />;
  if (runQuery.isError) return <ErrorState error={runQuery.error} />;
  const { run, errorKinds } = live.data ?? runQuery.data;
  const done = run.passCount + run.failCount + run.errorCount;
  const active = run.status === 'queued' || run.status === 'running';
  return (
    <>
      <h1>Run #{run.id}</h1>
      <p className="subtitle">
        <Link href={`/models/${encodeURIComponent(run.modelId)}`}>{run.modelLabel}</Link> on suite {run.suiteId} ({run.suiteVersion}) ·
        started {when(run.startedAt ?? run.createdAt)}
      </p>
      <div className="card">
        <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
          <strong className="status" data-testid="run-status">{run.status}</strong>
          <span>{done} / {run.expected} answered ({pct(run.expected ? done / run.expected : 0)})</span>
        </div>
        <ProgressBar pass={run.passCount} fail={run.failCount} error={run.errorCount} expected={run.expected} />
        <div className="row" style={{ marginTop: 10 }}>
          <span className="outcome-pass">pass {run.passCount}</span>
          <span className="outcome-fail">fail {run.failCount}</span>
          <span className="outcome-error">error {run.errorCount}</span>
          {errorKinds.map((k) => <span key={k.kind} className="tag">{k.kind}: {k.n}</span>)}
          <span style={{ flex: 1 }} />
          <button type="button" disabled={!active || cancel.isPending} onClick={() => cancel.mutate({ id })}>Cancel</button>
          <button type="button" disabled={active || resume.isPending || done >= run.expected} onClick={() => resume.mutate({ id })}>Resume</button>
          <button type="button" disabled={active || retry.isPending || run.errorCount === 0} onClick={() => retry.mutate({ id })}>Retry errors</button>
        </div>
        {run.message ? <p className="error-state" role="alert">{run.message}</p> : null}
      </div>
      <h2>Results</h2>
      <div className="row" role="group" aria-label="Filter by outcome" style={{ marginBottom: 8 }}>
        {([undefined, 'pass', 'fail', 'error'] as const).map((o) => (
          <button type="button" key={o ?? 'all'} aria-pressed={outcome === o} onClick={() => setOutcome(o)}>{o ?? 'all'}</button>
        ))}
      </div>
      {results.isPending ? <Loading what="results" /> : results.isError ? <ErrorState error={results.error} /> : (
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
                  <td style={{ maxWidth: 380 }}><pre className="transcript">{r.response ?? ''}</pre></td>
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

'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../_trpc/client';
import { Empty, ErrorState, Loading } from './states';

type Outcome = 'pass' | 'fail' | 'error';

/** A run's results, 50 at a time, filtered by outcome (the live subscription refreshes them as answers arrive). */
export function RunResults({ id, active }: { id: number; active: boolean }) {
  const trpc = useTRPC();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const results = useQuery(trpc.runs.results.queryOptions({ id, outcome, limit: 50 }));
  return (
    <>
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

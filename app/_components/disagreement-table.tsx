'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../_trpc/client';
import { DISAGREEMENT_PAGE, type CompareState, type OutcomeFilter } from './compare-url';
import { pct } from './format';
import { Pager } from './pager';
import { ErrorState, Loading } from './states';

/**
 * Probes the compared models disagree on (one passes, another fails), paged on the server. Every filter lives in
 * the URL state, so the view is reproducible from the link alone.
 */
export function DisagreementTable({ state, suite, labels, onChange }: { state: CompareState; suite: string; labels: readonly string[]; onChange: (next: CompareState) => void }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.compare.disagreements.queryOptions({
      models: state.models, suite, filters: state.filters, family: state.family, limit: DISAGREEMENT_PAGE, offset: (state.page - 1) * DISAGREEMENT_PAGE,
    }),
    placeholderData: keepPreviousData,
  });
  const setFilter = (i: number, value: OutcomeFilter) => onChange({ ...state, filters: state.filters.map((f, j) => (j === i ? value : f)), page: 1 });
  return (
    <div data-testid="disagreements">
      <div className="toolbar" role="group" aria-label="Disagreement filters">
        {state.models.map((id, i) => (
          <label key={id}>
            {labels[i] ?? id}{' '}
            <select value={state.filters[i] ?? 'any'} onChange={(e) => setFilter(i, e.target.value as OutcomeFilter)} data-testid={`filter-${i}`}>
              <option value="any">passes or fails</option>
              <option value="pass">passes</option>
              <option value="fail">fails</option>
            </select>
          </label>
        ))}
        <label>
          Family{' '}
          <select value={state.family ?? ''} onChange={(e) => onChange({ ...state, family: e.target.value || undefined, page: 1 })} data-testid="disagreement-family">
            <option value="">All</option>
            {state.family && !query.data?.families.some((f) => f.id === state.family) ? <option value={state.family}>{state.family}</option> : null}
            {(query.data?.families ?? []).map((f) => <option key={f.id} value={f.id}>{f.id} ({f.n})</option>)}
          </select>
        </label>
      </div>
      {query.isPending ? <Loading what="disagreements" /> : query.isError ? <ErrorState error={query.error} /> : (
        <>
          <p className="ci" data-testid="disagreement-count">
            {query.data.total} disagreement{query.data.total === 1 ? '' : 's'} among {query.data.commonProbes} probes every model answered
          </p>
          {query.data.items.length === 0 ? <div className="empty">No probe matches these filters.</div> : (
            <div className="table-wrap">
              <table className="disagreement-table">
                <thead>
                  <tr>
                    <th>Probe</th>
                    <th>Expected</th>
                    {state.models.map((id, i) => <th key={id}>{labels[i] ?? id}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {query.data.items.map((row) => (
                    <tr key={`${row.pairId}/${row.tier}`} data-testid="disagreement-row">
                      <td style={{ maxWidth: 320 }}>
                        <div>{row.probeId}</div>
                        <details><summary className="ci">prompt</summary><pre className="transcript">{row.prompt}</pre></details>
                      </td>
                      <td><code>{row.answer}</code></td>
                      {row.cells.map((cell) => (
                        <td key={cell.modelId} style={{ maxWidth: 300 }} data-outcome={cell.majority}>
                          <span className={`outcome-${cell.majority === 'tie' ? 'error' : cell.majority}`}>{cell.majority === 'tie' ? 'no majority' : cell.majority}</span>
                          <span className="ci"> · p {pct(cell.p)}</span>
                          {cell.transcript ? (
                            <>
                              <div className="ci">extracted <code>{cell.transcript.extracted ?? '—'}</code></div>
                              <details><summary className="ci">response</summary><pre className="transcript">{cell.transcript.response ?? '(no response)'}</pre></details>
                            </>
                          ) : null}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager offset={(state.page - 1) * DISAGREEMENT_PAGE} limit={DISAGREEMENT_PAGE} total={query.data.total} onChange={(offset) => onChange({ ...state, page: offset / DISAGREEMENT_PAGE + 1 })} label="Disagreements" />
        </>
      )}
    </div>
  );
}

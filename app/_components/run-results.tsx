'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../_trpc/client';
import { Pager } from './pager';
import { Empty, ErrorState, Loading } from './states';

type Outcome = 'pass' | 'fail' | 'error' | 'refusal';
type Tier = 'easy' | 'hard';
const PAGE = 50;

/** One result opened in full: the whole prompt and response (the grid shows only their start). */
function FullTranscript({ runId, resultId }: { runId: number; resultId: number }) {
  const trpc = useTRPC();
  const full = useQuery(trpc.runs.transcript.queryOptions({ id: runId, resultId }));
  if (full.isPending) return <Loading what="transcript" />;
  if (full.isError) return <ErrorState error={full.error} />;
  const r = full.data;
  return (
    <div className="transcript-full" data-testid="full-transcript">
      <h3>Prompt</h3>
      <pre className="transcript">{r.prompt}</pre>
      <h3>Response</h3>
      {r.response ? <pre className="transcript">{r.response}</pre> : <p className="ci">no answer ({r.errorKind ?? r.outcome})</p>}
      <p className="ci">expected <strong>{r.answer}</strong> · extracted {r.extracted ?? '—'} · {r.reason}{r.latencyMs !== null ? ` · ${r.latencyMs} ms` : ''}{r.ticks !== null ? ` · ${r.ticks} ticks` : ''}</p>
    </div>
  );
}

/**
 * Every result of a run, paged on the server, with search (probe id, prompt, response) and family, tier and outcome
 * filters; any row opens its transcript in full. `refreshKey` changes when live progress adds answers.
 */
export function RunResults({ runId, active }: { runId: number; active: boolean }) {
  const trpc = useTRPC();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [tier, setTier] = useState<Tier | undefined>(undefined);
  const [family, setFamily] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const page = useQuery({
    ...trpc.runs.resultsPage.queryOptions({ id: runId, outcome, tier, family: family || undefined, q: q.trim() || undefined, limit: PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setOffset(0);
    setOpen(null);
  };
  const families = page.data?.families ?? [];
  return (
    <section aria-label="Results" data-testid="run-results">
      <div className="row filters" style={{ marginBottom: 8 }}>
        <div className="row" role="group" aria-label="Filter by outcome">
          {([undefined, 'pass', 'fail', 'refusal', 'error'] as const).map((o) => (
            <button type="button" key={o ?? 'all'} aria-pressed={outcome === o} onClick={() => filter(setOutcome)(o)}>{o ?? 'all'}</button>
          ))}
        </div>
        <label className="inline-field">
          <span>Family</span>
          <select aria-label="Family" value={family} onChange={(e) => filter(setFamily)(e.target.value)}>
            <option value="">all families</option>
            {families.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </label>
        <label className="inline-field">
          <span>Tier</span>
          <select aria-label="Tier" value={tier ?? ''} onChange={(e) => filter(setTier)((e.target.value || undefined) as Tier | undefined)}>
            <option value="">easy and hard</option>
            <option value="easy">easy</option>
            <option value="hard">hard</option>
          </select>
        </label>
        <input type="search" aria-label="Search results" placeholder="search probe, prompt or response" value={q} onChange={(e) => filter(setQ)(e.target.value)} />
      </div>
      {page.isPending ? <Loading what="results" /> : page.isError ? <ErrorState error={page.error} /> : page.data.total === 0 ? (
        <Empty>{outcome || tier || family || q.trim() ? 'No result matches these filters.' : active ? 'No answers yet: they appear here as they arrive.' : 'No results.'}</Empty>
      ) : (
        <>
          <Pager offset={offset} limit={PAGE} total={page.data.total} onChange={(o) => { setOffset(o); setOpen(null); }} label="Results" />
          <div className="table-wrap">
            <table data-testid="results-table">
              <thead>
                <tr>
                  <th>Probe</th>
                  <th>Outcome</th>
                  <th title="The answer the grader expects">Expected</th>
                  <th title="What the grader read out of the response">Extracted</th>
                  <th>Response (start)</th>
                  <th title="Why the grader decided as it did">Reason</th>
                </tr>
              </thead>
              <tbody>
                {page.data.rows.map((r) => (
                  <tr key={r.id} data-result-id={r.id}>
                    <td>
                      <button type="button" className="link" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>{r.probeId}</button>
                      <div className="ci">{r.tier}{r.sample > 1 ? ` · sample ${r.sample}` : ''}</div>
                      {open === r.id ? <FullTranscript runId={runId} resultId={r.id} /> : null}
                    </td>
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
        </>
      )}
    </section>
  );
}

'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../_trpc/client';
import { PageNav } from '../../_components/page-nav';
import { Empty, ErrorState, Loading } from '../../_components/states';
import { RemovePairButton, UserSuiteActions } from './user-suite-actions';

const PAGE = 20;

/** Browse one suite's families and pairs: filters (domain, family, tier, text) and paging all run in SQL on the server. */
export function SuiteBrowser({ suiteId, onSuiteChange }: { suiteId: string; onSuiteChange: (id: string) => void }) {
  const trpc = useTRPC();
  const suites = useQuery(trpc.suites.list.queryOptions());
  const [domain, setDomain] = useState('');
  const [family, setFamily] = useState('');
  const [tier, setTier] = useState<'' | 'easy' | 'hard'>('');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const t = setTimeout(() => { setQ(text); setOffset(0); }, 250); // search as you type, without a request per key
    return () => clearTimeout(t);
  }, [text]);
  const current = suiteId || suites.data?.find((s) => !s.error)?.id || '';
  const families = useQuery({ ...trpc.suites.families.queryOptions({ id: current }), enabled: current !== '' });
  const pairs = useQuery({
    ...trpc.suites.pairs.queryOptions({ id: current, domain: domain || undefined, family: family || undefined, tier: tier || undefined, q: q || undefined, limit: PAGE, offset }),
    enabled: current !== '',
    // Keep the last page on screen while another page or filter of the same suite loads, but never show one suite's
    // pairs under another: their Remove buttons would act on the newly chosen suite.
    placeholderData: (previous, previousQuery) => (suiteOfPairsKey(previousQuery?.queryKey) === current ? keepPreviousData(previous) : undefined),
  });

  if (suites.isPending) return <Loading what="suites" />;
  if (suites.isError) return <ErrorState error={suites.error} />;
  if (suites.data.length === 0) return <Empty>No suites yet: add a pair below or import a probe file.</Empty>;
  const currentEntry = suites.data.find((s) => s.id === current);
  const domains = [...new Set((families.data ?? []).map((f) => f.domain))];
  const shownFamilies = (families.data ?? []).filter((f) => !domain || f.domain === domain);
  const reset = (fn: () => void) => { fn(); setOffset(0); };
  const selected = family ? families.data?.find((f) => f.id === family) : undefined;
  return (
    <section aria-label="Browse suites">
      <div className="fields-row">
        <div className="field grow fit-select">
          <label htmlFor="browse-suite">Suite</label>
          <select id="browse-suite" value={current} onChange={(e) => { onSuiteChange(e.target.value); setDomain(''); setFamily(''); setOffset(0); }}>
            {suites.data.map((s) => <option key={s.id} value={s.id} disabled={Boolean(s.error)}>{s.title} — {s.error ? 'cannot load' : `${s.families} ${s.families === 1 ? 'family' : 'families'}, ${s.pairs} ${s.pairs === 1 ? 'pair' : 'pairs'}`}{s.kind === 'user' ? ' · yours' : ''}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="browse-domain">Domain</label>
          <select id="browse-domain" value={domain} onChange={(e) => reset(() => { setDomain(e.target.value); setFamily(''); })}>
            <option value="">all domains</option>
            {domains.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="browse-family">Family</label>
          <select id="browse-family" value={family} onChange={(e) => reset(() => setFamily(e.target.value))}>
            <option value="">all families</option>
            {shownFamilies.map((f) => <option key={f.id} value={f.id}>{f.title} ({f.pairs}){f.reportedFailure ? ' · reported failure' : ''}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="browse-tier">Search in</label>
          <select id="browse-tier" value={tier} onChange={(e) => reset(() => setTier(e.target.value as typeof tier))}>
            <option value="">both probes</option>
            <option value="easy">easy probes</option>
            <option value="hard">hard probes</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="browse-text">Text</label>
          <input id="browse-text" type="search" placeholder="prompt, answer or pair id" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
      </div>
      {currentEntry?.kind === 'user' ? <UserSuiteActions key={current} id={current} title={currentEntry.title} onRemoved={() => onSuiteChange('')} /> : null}
      <div className="row" style={{ margin: '4px 0 10px' }}>
        <span className="ci">Export this suite:</span>
        <a className="button" href={`/api/export/suite?id=${encodeURIComponent(current)}&format=yaml`} download>YAML</a>
        <a className="button" href={`/api/export/suite?id=${encodeURIComponent(current)}&format=jsonl`} download>JSONL</a>
        {selected ? <span className="ci">Pair rule: {selected.pairRule}</span> : null}
      </div>
      {selected?.reportedFailure ? (
        <p className="ci" data-testid="reported-failure">
          Reported failure: {selected.reportedFailure.note} <em>Source: {selected.reportedFailure.source}</em>
        </p>
      ) : null}
      {pairs.isPending ? <Loading what="pairs" /> : pairs.isError ? <ErrorState error={pairs.error} /> : pairs.data.total === 0 ? (
        <Empty>No pair matches these filters.</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table data-testid="pairs-table" aria-busy={pairs.isFetching}>
              <thead><tr><th>Pair</th>{tier !== 'hard' ? <th>Easy probe</th> : null}{tier !== 'easy' ? <th>Hard probe</th> : null}<th title="How an answer is checked (numeric, yes/no, choice, text …)">Grader</th>{currentEntry?.kind === 'user' ? <th><span className="visually-hidden">Actions</span></th> : null}</tr></thead>
              <tbody>
                {pairs.data.rows.map((p) => (
                  <tr key={p.pairId}>
                    <td><code>{p.pairId}</code><div className="ci">{p.domain}</div></td>
                    {tier !== 'hard' ? <td><pre className="transcript">{p.easyPrompt}</pre><div className="ci">answer: {p.easyAnswer}</div></td> : null}
                    {tier !== 'easy' ? <td><pre className="transcript">{p.hardPrompt}</pre><div className="ci">answer: {p.hardAnswer}</div></td> : null}
                    <td className="ci">{(JSON.parse(p.grader) as { kind: string }).kind}</td>
                    {currentEntry?.kind === 'user' ? <td><RemovePairButton suiteId={current} pairId={p.pairId} /></td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PageNav label="Pair pages" offset={offset} limit={PAGE} total={pairs.data.total} onChange={setOffset} />
        </>
      )}
    </section>
  );
}

/** The suite id in a `suites.pairs` query key (tRPC keys are `[path, { input, type }]`). */
function suiteOfPairsKey(key: readonly unknown[] | undefined): string | undefined {
  const input = (key?.[1] as { input?: { id?: unknown } } | undefined)?.input;
  return typeof input?.id === 'string' ? input.id : undefined;
}

'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/trpc/root';
import { useTRPC } from '../_trpc/client';
import { ARCH_OPTIONS, ArchTag } from './arch-tag';
import { interval, num, pct, when } from './format';
import { defaultDirection, filterRows, searchWithSort, sortFromSearch, sortRows, type SortKey } from './leaderboard-rows';
import { LEADERBOARD_COLUMNS, LeaderboardHead } from './leaderboard-head';
import { Sparkline } from './sparkline';
import { Empty, ErrorState, Loading } from './states';
import { SuiteSelect, useSuiteParam } from './suite-select';

const MAX_COMPARED = 4;

type Rows = inferRouterOutputs<AppRouter>['models']['leaderboard']['rows'];

const NA = { acc: null, lo: null, hi: null, n: 0 };

/** A server row flattened to what sorting reads (n/a where the model has no profile on the suite). */
function viewRow(row: Rows[number]) {
  const p = row.profile;
  return {
    ...row,
    easy: p?.easy ?? NA,
    hard: p?.hard ?? NA,
    jaggedness: p?.inversion ?? { j: null, lo: null, hi: null },
    unevenness: p?.unevenness ?? { u: null },
    runs: p?.runs.length ?? 0,
    index: p?.jaggedness.index ?? null,
  };
}

/** "1", "1–3" (a tie within noise), or "—" without a value. */
const rankText = (rank: { best: number; worst: number } | null) =>
  rank === null ? '—' : rank.best === rank.worst ? String(rank.best) : `${rank.best}–${rank.worst}`;

const DEFAULT_SORT = { key: 'index', direction: 'desc' } as const;

/** Every model's profile on one suite: ranked with uncertainty, sortable, filterable, with a sparkline and a checkbox to compare. */
export function Leaderboard() {
  const trpc = useTRPC();
  const [suite, setSuite] = useSuiteParam();
  const query = useQuery(trpc.models.leaderboard.queryOptions({ suite }));
  // The sort lives in the URL (?sort=hard&dir=asc), so a reloaded or shared leaderboard keeps its order.
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const sort = sortFromSearch(params.toString()) ?? DEFAULT_SORT;
  const [text, setText] = useState('');
  const [arch, setArch] = useState('all');
  const [selected, setSelected] = useState<string[]>([]);
  const rows = useMemo(
    () => (query.data ? sortRows(filterRows(query.data.rows.map(viewRow), text, arch), sort.key, sort.direction) : []),
    [query.data, text, arch, sort],
  );

  if (query.isPending) return <Loading what="models" />;
  if (query.isError) return <ErrorState error={query.error} />;
  if (query.data.rows.length === 0) {
    return (
      <Empty>
        <p>No models yet.</p>
        <p>
          Add one to <code>sawtooth.config.json</code> (id, baseURL, model, apiKeyEnv), or on the Models page, then run{' '}
          <code>npx sawtooth eval --suite core --model &lt;id&gt;</code> or start a run from the Runs page.
        </p>
      </Empty>
    );
  }

  const sortBy = (key: SortKey) => {
    const next = sort.key === key ? { key, direction: sort.direction === 'asc' ? ('desc' as const) : ('asc' as const) } : { key, direction: defaultDirection(key) };
    router.replace(`${pathname}${searchWithSort(params.toString(), next)}`, { scroll: false });
  };
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const canCompare = selected.length >= 2 && selected.length <= MAX_COMPARED;

  return (
    <>
      <div className="toolbar" role="search">
        <label>
          <span className="visually-hidden">Search models</span>
          <input type="search" placeholder="Search models…" value={text} onChange={(e) => setText(e.target.value)} data-testid="leaderboard-search" />
        </label>
        <label>
          Architecture{' '}
          <select value={arch} onChange={(e) => setArch(e.target.value)} data-testid="leaderboard-arch">
            <option value="all">All</option>
            {ARCH_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
        <SuiteSelect suite={suite} onChange={setSuite} />
        <span style={{ flex: 1 }} />
        <span className="ci" aria-live="polite">{selected.length} selected{selected.length > MAX_COMPARED ? ` (at most ${MAX_COMPARED})` : ''}</span>
        {canCompare ? (
          <Link className="button primary" href={`/compare?models=${selected.map(encodeURIComponent).join(',')}${suite === 'core' ? '' : `&suite=${encodeURIComponent(suite)}`}`} data-testid="compare-selected">Compare selected</Link>
        ) : (
          <button type="button" disabled title="Tick 2 to 4 models" data-testid="compare-selected">Compare selected</button>
        )}
      </div>
      <div className="table-wrap">
        <table data-testid="leaderboard" className="leaderboard-table">
          <LeaderboardHead sort={sort} onSort={sortBy} rankedBy={query.data.rankedBy} />
          <tbody>
            {rows.length === 0 ? (
              <tr><td colSpan={LEADERBOARD_COLUMNS} className="ci">No model matches the filter.</td></tr>
            ) : rows.map((row) => (
              <tr key={row.model.id} data-model={row.model.id}>
                <td>
                  <input type="checkbox" aria-label={`Select ${row.model.label} to compare`} checked={selected.includes(row.model.id)} onChange={() => toggle(row.model.id)} />
                </td>
                <td className="num" data-col="rank">{rankText(row.rank)}</td>
                <td>
                  <Link href={`/models/${encodeURIComponent(row.model.id)}${suite === 'core' ? '' : `?suite=${encodeURIComponent(suite)}`}`}>{row.model.label}</Link>{' '}
                  <ArchTag arch={row.model.arch} />
                  <div className="ci">{row.model.id}</div>
                </td>
                <td><Sparkline points={row.sparkline} label={row.model.label} /></td>
                <td className="num" data-col="verdict">
                  {row.profile ? <span className={`verdict verdict-${row.profile.jaggedness.verdict.replace(/ /g, '-')}`}>{row.profile.jaggedness.verdict}</span> : 'n/a'}
                  <div className="ci nowrap">{row.profile?.jaggedness.index == null ? '' : `${num(row.profile.jaggedness.index)} (${num(row.profile.jaggedness.lo)}–${num(row.profile.jaggedness.hi)})`}</div>
                  {row.profile && row.profile.jaggedness.invertedFamilies.length > 0 ? <div className="ci">flipped: {row.profile.jaggedness.invertedFamilies.length}</div> : null}
                </td>
                <td className="num">{pct(row.easy.acc, 1)}<div className="ci nowrap">{interval(row.easy.lo, row.easy.hi)}</div>{row.profile ? <div className="ci" data-col="chance">chance {pct(row.profile.chance.easy, 0)}</div> : null}</td>
                <td className="num">{pct(row.hard.acc, 1)}<div className="ci nowrap">{interval(row.hard.lo, row.hard.hi)}</div></td>
                <td className="num" data-col="j">
                  {num(row.jaggedness.j)}
                  <div className="ci nowrap">{row.jaggedness.lo == null ? '' : `${num(row.jaggedness.lo)}–${num(row.jaggedness.hi)}`}</div>
                </td>
                <td className="num">{num(row.unevenness.u)}<div className="ci">{row.profile ? `${row.profile.families.filter((f) => f.evaluated).length} of ${row.profile.families.length} families` : ''}</div></td>
                <td className="num">
                  {row.profile ? row.profile.runs.map((id) => <Link key={id} href={`/runs/${id}`}>#{id} </Link>) : 'none'}
                  {row.profile ? (
                    <>
                      <div className="ci nowrap" title={`suite ${row.profile.suite.id}, version ${row.profile.suite.version}`}>v{row.profile.suite.version.slice(0, 8)}</div>
                      <div className="ci">{row.profile.nPairs} pairs{row.profile.excludedPairs > 0 ? ` · ${row.profile.excludedPairs} left out` : ''}</div>
                    </>
                  ) : <div className="ci">no completed run on {suite}</div>}
                </td>
                <td>{row.lastRun ? <Link href={`/runs/${row.lastRun.id}`}>#{row.lastRun.id} {row.lastRun.status}</Link> : 'never'}<div className="ci">{when(row.lastRun?.createdAt)}</div></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

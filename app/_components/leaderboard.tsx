'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useTRPC } from '../_trpc/client';
import { ARCH_OPTIONS, ArchTag } from './arch-tag';
import { interval, num, pct, when } from './format';
import { defaultDirection, filterRows, sortRows, type SortDirection, type SortKey } from './leaderboard-rows';
import { Sparkline } from './sparkline';
import { Empty, ErrorState, Loading } from './states';

const MAX_COMPARED = 4;

const COLUMNS: Array<{ key: SortKey; label: string; numeric?: boolean; title?: string }> = [
  { key: 'model', label: 'Model' },
  { key: 'arch', label: 'Arch' },
  { key: 'easy', label: 'Easy acc', numeric: true },
  { key: 'hard', label: 'Hard acc', numeric: true },
  { key: 'j', label: 'Jaggedness J', numeric: true, title: 'Of the hard probes solved, the share whose easy twin failed (95% bootstrap interval)' },
  { key: 'u', label: 'Unevenness U', numeric: true, title: 'Standard deviation of easy accuracy across families' },
  { key: 'runs', label: 'Runs', numeric: true },
];

/** Every model with its headline numbers: sortable, filterable, with a sparkline and a checkbox to compare. */
export function Leaderboard() {
  const trpc = useTRPC();
  const query = useQuery(trpc.models.leaderboard.queryOptions());
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'j', direction: 'desc' });
  const [text, setText] = useState('');
  const [arch, setArch] = useState('all');
  const [selected, setSelected] = useState<string[]>([]);
  const rows = useMemo(
    () => (query.data ? sortRows(filterRows(query.data, text, arch), sort.key, sort.direction) : []),
    [query.data, text, arch, sort],
  );

  if (query.isPending) return <Loading what="models" />;
  if (query.isError) return <ErrorState error={query.error} />;
  if (query.data.length === 0) {
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

  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: defaultDirection(key) }));
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
        <span style={{ flex: 1 }} />
        <span className="ci" aria-live="polite">{selected.length} selected{selected.length > MAX_COMPARED ? ` (at most ${MAX_COMPARED})` : ''}</span>
        {canCompare ? (
          <Link className="button primary" href={`/compare?models=${selected.map(encodeURIComponent).join(',')}`} data-testid="compare-selected">Compare selected</Link>
        ) : (
          <button type="button" disabled title="Tick 2 to 4 models" data-testid="compare-selected">Compare selected</button>
        )}
      </div>
      <div className="table-wrap">
        <table data-testid="leaderboard">
          <thead>
            <tr>
              <th><span className="visually-hidden">Select</span></th>
              {COLUMNS.map((c) => (
                <th key={c.key} className={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} title={c.title}>
                  <button type="button" className="sort-button" onClick={() => sortBy(c.key)}>
                    {c.label}
                    <span aria-hidden="true" className="sort-mark">{sort.key === c.key ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
                  </button>
                </th>
              ))}
              <th>Profile</th>
              <th>Last run</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr><td colSpan={COLUMNS.length + 3} className="ci">No model matches the filter.</td></tr>
            ) : rows.map((row) => (
              <tr key={row.model.id} data-model={row.model.id}>
                <td>
                  <input type="checkbox" aria-label={`Select ${row.model.label} to compare`} checked={selected.includes(row.model.id)} onChange={() => toggle(row.model.id)} />
                </td>
                <td>
                  <Link href={`/models/${encodeURIComponent(row.model.id)}`}>{row.model.label}</Link>
                  <div className="ci">{row.model.id}</div>
                </td>
                <td><ArchTag arch={row.model.arch} /></td>
                <td className="num">{pct(row.easy.acc, 1)}<div className="ci">{interval(row.easy.lo, row.easy.hi)}</div></td>
                <td className="num">{pct(row.hard.acc, 1)}<div className="ci">{interval(row.hard.lo, row.hard.hi)}</div></td>
                <td className="num" data-col="j">
                  {num(row.jaggedness.j)}
                  <div className="ci">{row.jaggedness.lo == null ? '' : `${num(row.jaggedness.lo)}–${num(row.jaggedness.hi)}`}</div>
                </td>
                <td className="num">{num(row.unevenness.u)}<div className="ci">{row.unevenness.nFamilies} families</div></td>
                <td className="num">{row.runs}<div className="ci">{row.nPairs} pairs{row.excludedPairs > 0 ? ` · ${row.excludedPairs} left out` : ''}</div></td>
                <td><Sparkline points={row.sparkline} label={row.model.label} /></td>
                <td>{row.lastRun ? <Link href={`/runs/${row.lastRun.id}`}>#{row.lastRun.id} {row.lastRun.status}</Link> : 'never'}<div className="ci">{when(row.lastRun?.createdAt)}</div></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

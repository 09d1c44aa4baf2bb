'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../_trpc/client';
import { ArchTag } from './arch-tag';
import { FamilyTable } from './family-table';
import { interval, num, pct, when } from './format';
import { SawtoothChart } from './sawtooth-chart';
import { JaggedPairs } from './jagged-pairs';
import { ErrorState, Loading } from './states';
import { ThinkingTimeSection } from './thinking-time-section';

export function ModelView({ id }: { id: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.models.get.queryOptions({ id }));
  if (query.isPending) return <Loading what="model" />;
  if (query.isError) return <ErrorState error={query.error} />;
  const { model, summary, runs } = query.data;
  return (
    <>
      <h1>{model.label} <ArchTag arch={model.arch} /></h1>
      <p className="subtitle">
        {model.modelName}{model.baseUrl ? ` at ${model.baseUrl}` : ''} ·{' '}
        <Link href={`/compare?models=${encodeURIComponent(model.id)}`}>Compare with…</Link>
      </p>
      <div className="stats">
        <div className="card stat"><div className="label">Easy accuracy</div><div className="value">{pct(summary.easy.acc, 1)}</div><div className="note">{interval(summary.easy.lo, summary.easy.hi)} · n {summary.easy.n}</div></div>
        <div className="card stat"><div className="label">Hard accuracy</div><div className="value">{pct(summary.hard.acc, 1)}</div><div className="note">{interval(summary.hard.lo, summary.hard.hi)} · n {summary.hard.n}</div></div>
        <div className="card stat"><div className="label">Jaggedness J</div><div className="value">{num(summary.inversion.j)}</div><div className="note">{summary.inversion.lo == null ? 'no solved hard probe' : `95% CI ${num(summary.inversion.lo)}–${num(summary.inversion.hi)}`}</div></div>
        <div className="card stat"><div className="label">Unevenness U</div><div className="value">{num(summary.unevenness.u)}</div><div className="note">s.d. of easy accuracy over {summary.unevenness.nFamilies} families</div></div>
        <div className="card stat"><div className="label">Samples</div><div className="value">{summary.counts.pass + summary.counts.fail}</div><div className="note">{summary.counts.error} errors left out · {summary.nPairs} pairs</div></div>
      </div>
      <h2>Sawtooth profile</h2>
      {summary.profile.length === 0 ? <div className="empty">No results yet.</div> : <SawtoothChart points={summary.profile} name={model.label} filename={`${model.id}-sawtooth`} />}
      <h2>Families</h2>
      <FamilyTable families={summary.families} />
      <ThinkingTimeSection modelId={model.id} />
      <h2>Jagged pairs</h2>
      <p className="subtitle">Pairs where the hard probe was solved more often than its easy twin: the evidence behind J.</p>
      <JaggedPairs modelId={model.id} />
      <h2>Runs</h2>
      <div className="table-wrap">
        <table>
          <thead><tr><th>Run</th><th>Suite</th><th>Status</th><th className="num">Pass</th><th className="num">Fail</th><th className="num">Error</th><th>Started</th></tr></thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td><Link href={`/runs/${r.id}`}>#{r.id}</Link></td>
                <td>{r.suiteId}<div className="ci">{r.suiteVersion}</div></td>
                <td className="status">{r.status}</td>
                <td className="num">{r.passCount}</td><td className="num">{r.failCount}</td><td className="num">{r.errorCount}</td>
                <td>{when(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../_trpc/client';
import { interval, num, pct, when } from './format';
import { Empty, ErrorState, Loading } from './states';

/** Every model with its easy/hard accuracy and jaggedness index, most jagged first. */
export function Leaderboard() {
  const trpc = useTRPC();
  const query = useQuery(trpc.models.leaderboard.queryOptions());
  if (query.isPending) return <Loading what="models" />;
  if (query.isError) return <ErrorState error={query.error} />;
  if (query.data.length === 0) {
    return (
      <Empty>
        <p>No models yet.</p>
        <p>
          Add one to <code>sawtooth.config.json</code> (id, baseURL, model, apiKeyEnv) and run{' '}
          <code>npx sawtooth eval --suite core --model &lt;id&gt;</code>.
        </p>
      </Empty>
    );
  }
  const rows = [...query.data].sort((a, b) => (b.summary.jaggedness.j ?? -1) - (a.summary.jaggedness.j ?? -1));
  return (
    <div className="table-wrap">
      <table data-testid="leaderboard">
        <thead>
          <tr>
            <th>Model</th>
            <th>Arch</th>
            <th className="num">Easy acc</th>
            <th className="num">Hard acc</th>
            <th className="num">Jaggedness J</th>
            <th className="num">Pairs</th>
            <th>Last run</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ model, summary, lastRun }) => (
            <tr key={model.id}>
              <td>
                <Link href={`/models/${encodeURIComponent(model.id)}`}>{model.label}</Link>
                <div className="ci">{model.id}</div>
              </td>
              <td><span className={`tag arch-${model.arch}`}>{model.arch.toUpperCase()}</span></td>
              <td className="num">{pct(summary.easy.acc, 1)}<div className="ci">{interval(summary.easy.lo, summary.easy.hi)}</div></td>
              <td className="num">{pct(summary.hard.acc, 1)}<div className="ci">{interval(summary.hard.lo, summary.hard.hi)}</div></td>
              <td className="num">
                {num(summary.jaggedness.j)}
                <div className="ci">{summary.jaggedness.lo == null ? '' : `${num(summary.jaggedness.lo)}–${num(summary.jaggedness.hi)}`}</div>
              </td>
              <td className="num">{summary.nPairs}{summary.excludedPairs > 0 ? <div className="ci">{summary.excludedPairs} left out</div> : null}</td>
              <td>{lastRun ? <Link href={`/runs/${lastRun.id}`}>#{lastRun.id} {lastRun.status}</Link> : 'never'}<div className="ci">{when(lastRun?.createdAt)}</div></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

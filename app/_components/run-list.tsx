'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../_trpc/client';
import { when } from './format';
import { Empty, ErrorState, Loading } from './states';

export function RunList() {
  const trpc = useTRPC();
  const query = useQuery(trpc.runs.list.queryOptions({ limit: 100 }));
  if (query.isPending) return <Loading what="runs" />;
  if (query.isError) return <ErrorState error={query.error} />;
  if (query.data.length === 0) return <Empty>No runs yet. Start one with <code>npx sawtooth eval --suite core --model &lt;id&gt;</code>.</Empty>;
  return (
    <div className="table-wrap">
      <table data-testid="runs-table">
        <thead><tr><th>Run</th><th>Model</th><th>Suite</th><th>Status</th><th className="num">Done</th><th className="num">Pass</th><th className="num">Fail</th><th className="num">Error</th><th>Created</th></tr></thead>
        <tbody>
          {query.data.map((r) => (
            <tr key={r.id}>
              <td><Link href={`/runs/${r.id}`}>#{r.id}</Link></td>
              <td><Link href={`/models/${encodeURIComponent(r.modelId)}`}>{r.modelLabel}</Link></td>
              <td>{r.suiteId}</td>
              <td className="status">{r.status}</td>
              <td className="num">{r.passCount + r.failCount + r.errorCount}/{r.expected}</td>
              <td className="num">{r.passCount}</td><td className="num">{r.failCount}</td><td className="num">{r.errorCount}</td>
              <td>{when(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

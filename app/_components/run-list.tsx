'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '../_trpc/client';
import { when } from './format';
import { PageNav } from './page-nav';
import { Empty, ErrorState, Loading } from './states';

const STATUSES = ['queued', 'running', 'completed', 'cancelled', 'failed'] as const;
type Status = (typeof STATUSES)[number];
const PAGE = 20;

/** Every run, newest first, a page at a time, with a status filter; refreshes itself while runs are in flight. */
export function RunList() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const query = useQuery({
    ...trpc.runs.page.queryOptions({ status, limit: PAGE, offset }),
    refetchInterval: (q) => (q.state.data?.rows.some((r) => r.status === 'queued' || r.status === 'running') ? 2_000 : false),
  });
  return (
    <>
      <div className="row" role="group" aria-label="Filter by status" style={{ marginBottom: 8 }}>
        {([undefined, ...STATUSES] as const).map((s) => (
          <button type="button" key={s ?? 'all'} aria-pressed={status === s} onClick={() => { setStatus(s); setOffset(0); }}>{s ?? 'all'}</button>
        ))}
      </div>
      {query.isPending ? <Loading what="runs" /> : query.isError ? <ErrorState error={query.error} /> : query.data.total === 0 ? (
        <Empty>{status ? `No ${status} runs.` : <>No runs yet. Start one above, or from a terminal: <code>npx sawtooth eval --suite core --model &lt;id&gt;</code>.</>}</Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table data-testid="runs-table">
              <thead><tr><th>Run</th><th>Model</th><th>Suite</th><th>Status</th><th className="num">Done</th><th className="num">Pass</th><th className="num">Fail</th><th className="num">Error</th><th className="num" title="Refusals and out-of-scope notices: outside accuracy">Refused</th><th>Created</th></tr></thead>
              <tbody>
                {query.data.rows.map((r) => (
                  <tr key={r.id}>
                    <td><Link href={`/runs/${r.id}`}>#{r.id}</Link>{r.origin === 'import' ? <div className="ci">imported</div> : null}</td>
                    <td><Link href={`/models/${encodeURIComponent(r.modelId)}`}>{r.modelLabel}</Link></td>
                    <td>{r.suiteId}</td>
                    <td className="status" data-status={r.status}>{r.status}</td>
                    <td className="num">{r.passCount + r.failCount + r.errorCount + r.refusalCount}/{r.expected}</td>
                    <td className="num">{r.passCount}</td><td className="num">{r.failCount}</td><td className="num">{r.errorCount}</td><td className="num">{r.refusalCount}</td>
                    <td>{when(r.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PageNav label="Runs pages" offset={offset} limit={PAGE} total={query.data.total} onChange={setOffset} />
        </>
      )}
    </>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../../_trpc/client';
import { Empty, ErrorState, Loading } from '../../_components/states';

type Side = { pass: number; fail: number; error: number };

/** "pass", "fail", "error", or "2/3 pass" for several samples. */
function verdict(s: Side): string {
  const n = s.pass + s.fail + s.error;
  if (n === 1) return s.pass ? 'pass' : s.fail ? 'fail' : 'error';
  return `${s.pass}/${n} pass`;
}

const tone = (s: Side) => (s.pass === s.pass + s.fail + s.error ? 'outcome-pass' : s.error > 0 && s.pass === 0 ? 'outcome-error' : 'outcome-fail');

/** Two runs of one model: the probes whose outcome changed, before → after, with the counts that stayed the same. */
export function RunDiff({ before, after }: { before: number; after: number }) {
  const trpc = useTRPC();
  const diff = useQuery(trpc.runs.diff.queryOptions({ before, after }));
  if (diff.isPending) return <Loading what="the two runs" />;
  if (diff.isError) return <ErrorState error={diff.error} />;
  const d = diff.data;
  const better = d.changed.filter((c) => c.after.pass / (c.after.pass + c.after.fail + c.after.error) > c.before.pass / (c.before.pass + c.before.fail + c.before.error)).length;
  return (
    <>
      <h1>What changed: run #{d.before.id} → run #{d.after.id}</h1>
      <p className="subtitle">
        <Link href={`/models/${encodeURIComponent(d.after.modelId)}`}>{d.after.modelLabel}</Link> ·{' '}
        <Link href={`/runs/${d.before.id}`}>run #{d.before.id}</Link> ({d.before.suiteId} {d.before.suiteVersion}) →{' '}
        <Link href={`/runs/${d.after.id}`}>run #{d.after.id}</Link> ({d.after.suiteId} {d.after.suiteVersion})
      </p>
      <p data-testid="diff-summary">
        {d.changed.length} probe{d.changed.length === 1 ? '' : 's'} changed outcome ({better} better, {d.changed.length - better} worse), {d.same} unchanged
        {d.onlyBefore + d.onlyAfter > 0 ? `; ${d.onlyBefore} answered only in #${d.before.id}, ${d.onlyAfter} only in #${d.after.id}` : ''}.
      </p>
      {d.changed.length === 0 ? <Empty>Every probe both runs answered has the same outcome in both.</Empty> : (
        <div className="table-wrap">
          <table data-testid="diff-table">
            <thead><tr><th>Probe</th><th>Prompt</th><th>Run #{d.before.id}</th><th>Run #{d.after.id}</th></tr></thead>
            <tbody>
              {d.changed.map((c) => (
                <tr key={c.probeId}>
                  <td>{c.probeId}<div className="ci">{c.tier}</div></td>
                  <td style={{ maxWidth: 420 }}><span className="clamp">{c.prompt}</span></td>
                  <td className={tone(c.before)}>{verdict(c.before)}</td>
                  <td className={tone(c.after)}>{verdict(c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

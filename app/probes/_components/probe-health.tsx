'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../_trpc/client';
import { Empty, ErrorState, Loading } from '../../_components/states';

/** How many rows each list shows; the CLI's --json has them all. */
const SHOWN = 20;

const signed = (x: number) => (x >= 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

/**
 * Probe health of one suite from every model's results: likely mis-tiered pairs, probes nobody or everybody passes,
 * and the hardest probes with their difficulty interval. Judged once five models have results.
 */
export function ProbeHealth({ suiteId }: { suiteId: string }) {
  const trpc = useTRPC();
  const suites = useQuery(trpc.suites.list.queryOptions());
  const current = suiteId || suites.data?.find((s) => !s.error)?.id || '';
  const health = useQuery({ ...trpc.suites.health.queryOptions({ id: current }), enabled: current !== '' });
  if (current === '') return <Empty>No suite to judge yet.</Empty>;
  if (health.isPending) return <Loading what="probe health" />;
  if (health.isError) return <ErrorState error={health.error} />;
  const h = health.data;
  if (!h.ready) {
    return (
      <Empty>
        Probe health of <code>{h.suiteId}</code> is judged once {h.minModels} models have results on it; it has {h.models} so far.
      </Empty>
    );
  }
  const misTiered = h.pairs.filter((p) => p.misTiered).sort((a, b) => b.easyFailed - b.hardFailed - (a.easyFailed - a.hardFailed));
  const nobody = h.probes.filter((p) => p.flag === 'nobody');
  const everybody = h.probes.filter((p) => p.flag === 'everybody');
  const hardest = [...h.probes].sort((a, b) => b.difficulty.logit - a.difficulty.logit).slice(0, SHOWN);
  return (
    <section aria-label="Probe health" data-testid="probe-health">
      <p className="ci">
        <code>{h.suiteId}</code>: results from {h.models} models. {misTiered.length} of {h.pairs.length} pairs likely mis-tiered,
        {' '}{nobody.length} probes nobody passes, {everybody.length} everybody passes.
      </p>
      <h3>Likely mis-tiered pairs</h3>
      {misTiered.length === 0 ? <Empty>No pair has its easy tier failed by more models than its hard tier.</Empty> : (
        <div className="table-wrap">
          <table data-testid="mis-tiered-table">
            <thead><tr><th>Pair</th><th>Easy tier failed by</th><th>Hard tier failed by</th><th>McNemar p</th></tr></thead>
            <tbody>
              {misTiered.slice(0, SHOWN).map((p) => (
                <tr key={p.pairId}><td><code>{p.pairId}</code></td><td>{p.easyFailed} of {p.models}</td><td>{p.hardFailed} of {p.models}</td><td>{p.p.toPrecision(2)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {([['Probes nobody passes', nobody, 'nobody'], ['Probes everybody passes', everybody, 'everybody']] as const).map(([title, list, id]) => (
        <div key={id}>
          <h3>{title} ({list.length})</h3>
          {list.length === 0 ? <Empty>None.</Empty> : (
            <p className="ci" data-testid={`flag-${id}`}>
              {list.slice(0, SHOWN).map((p) => <code key={p.probeId}>{p.probeId} </code>)}
              {list.length > SHOWN ? `… and ${list.length - SHOWN} more` : null}
            </p>
          )}
        </div>
      ))}
      <h3>Hardest probes</h3>
      <div className="table-wrap">
        <table data-testid="difficulty-table">
          <thead><tr><th>Probe</th><th>Passed by</th><th>Difficulty</th><th>95% interval</th></tr></thead>
          <tbody>
            {hardest.map((p) => (
              <tr key={p.probeId}>
                <td><code>{p.probeId}</code></td><td>{p.passed} of {p.models}</td><td>{signed(p.difficulty.logit)}</td>
                <td>[{signed(p.difficulty.lo)}, {signed(p.difficulty.hi)}]</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{h.method}</p>
    </section>
  );
}

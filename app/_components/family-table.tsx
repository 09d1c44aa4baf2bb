import type { FamilyMetrics } from '../../evals/metrics';
import { interval, num, pct } from './format';

/** Per-family numbers behind the chart: accuracies with intervals, consistency, inversion rate and its baseline. */
export function FamilyTable({ families }: { families: readonly FamilyMetrics[] }) {
  return (
    <div className="table-wrap">
      <table data-testid="family-table">
        <thead>
          <tr>
            <th>Family</th>
            <th className="num">Easy</th>
            <th className="num">Hard</th>
            <th className="num" title="P(easy right | hard right)">CS</th>
            <th className="num" title="Share of solved hard probes whose easy twin failed">INV</th>
            <th className="num" title="INV expected if easy and hard were unrelated">Baseline</th>
            <th className="num" title="Relative consistency (ConsisEval)">RCS</th>
            <th className="num">Pairs</th>
            <th className="num">Jagged</th>
          </tr>
        </thead>
        <tbody>
          {families.map((f) => (
            <tr key={f.id}>
              <td>{f.id}<div className="ci">{f.domain}</div></td>
              <td className="num">{pct(f.easy.acc)}<div className="ci">{interval(f.easy.lo, f.easy.hi)}</div></td>
              <td className="num">{pct(f.hard.acc)}<div className="ci">{interval(f.hard.lo, f.hard.hi)}</div></td>
              <td className="num">{num(f.cs)}</td>
              <td className="num">{num(f.inv)}</td>
              <td className="num">{num(f.baseline)}</td>
              <td className="num">{num(f.rcs)}</td>
              <td className="num">{f.nPairs}{f.excludedPairs ? <div className="ci">{f.excludedPairs} left out</div> : null}</td>
              <td className="num">{f.jaggedPairIds.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

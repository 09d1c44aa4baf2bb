import Link from 'next/link';
import type { StoredProfile } from '../../server/explore/stored-profile';
import { interval, num, pct } from './format';

/**
 * The numeric columns: each says what it measures on hover and links to its section of "How to read this" (hover does
 * not exist on a phone, and CS / INV / RCS mean nothing without it).
 */
const HEADERS: Array<{ label: string; title: string; anchor: string }> = [
  { label: 'Easy', title: 'Easy accuracy with its 95% interval; refusals and errors left out', anchor: 'accuracy' },
  { label: 'Hard', title: 'Hard accuracy with its 95% interval', anchor: 'accuracy' },
  { label: 'Chance', title: 'What guessing alone scores on the easy tier (yes/no ½, choice 1/n, a probe and its contrast twin both right: the product)', anchor: 'accuracy' },
  { label: 'CS', title: 'P(easy right | hard right): ConsisEval\'s consistency score', anchor: 'consistency' },
  { label: 'INV', title: 'Share of solved hard probes whose easy twin failed (1 − CS)', anchor: 'consistency' },
  { label: 'Flipped / ordered', title: 'Flipped tooth test: pairs hard-right/easy-wrong vs easy-right/hard-wrong, and the Holm-adjusted p that the flips exceed chance', anchor: 'verdict' },
  { label: 'RCS (ours)', title: 'Relative consistency, our definition (ConsisEval\'s bounds; a bound equal to CS gives 1)', anchor: 'consistency' },
  { label: 'RCS (ConsisEval)', title: 'Relative consistency as ConsisEval\'s analysis.py computes it: use this one next to published figures', anchor: 'consistency' },
  { label: 'Refused', title: 'Samples the model declined: outside accuracy', anchor: 'refusals' },
  { label: 'Pairs', title: 'Pairs behind this row\'s numbers; a pair with a probe that only got errors is left out of every number and counted under it', anchor: 'runs' },
];

/**
 * Per-family numbers behind the chart, for one profile: accuracies with intervals and chance floors, consistency,
 * inversion rate, refusals. Families outside the model's scope (or with only refusals) say "not evaluated", never 0%.
 */
export function FamilyTable({ families }: { families: StoredProfile['families'] }) {
  return (
    <div className="table-wrap">
      <table data-testid="family-table">
        <thead>
          <tr>
            <th title="The skill, with its domain under it">Family</th>
            {HEADERS.map((h) => (
              <th key={h.label} className="num" title={h.title}>
                {h.label}
                {/* A no-break space keeps the "?" with the header's last word when a header wraps. */}
                {'\u00a0'}
                <Link href={`/how-to-read#${h.anchor}`} className="ci" aria-label={`How to read ${h.label}`}>?</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {families.map((f) =>
            f.evaluated ? (
              <tr key={f.id} data-family={f.id} data-inverted={f.inverted ? 'true' : undefined}>
                <td>{f.id}{f.inverted ? <span className="badge" title="A flipped tooth: hard right / easy wrong beyond chance"> inverted</span> : null}<div className="ci">{f.domain}</div></td>
                <td className="num">{pct(f.easy.acc)}<div className="ci">{interval(f.easy.lo, f.easy.hi)}</div></td>
                <td className="num">{pct(f.hard.acc)}<div className="ci">{interval(f.hard.lo, f.hard.hi)}</div></td>
                <td className="num">{pct(f.chance)}</td>
                <td className="num">{num(f.cs)}</td>
                <td className="num">{num(f.inv)}</td>
                <td className="num" data-col="tooth">{f.tooth.flipped} / {f.tooth.ordered}<div className="ci">p (Holm) {f.tooth.pHolm < 0.001 ? '<0.001' : num(f.tooth.pHolm, 3)}{f.tooth.testable ? '' : ' · too few pairs to test'}</div></td>
                <td className="num">{num(f.rcs)}</td>
                <td className="num">{num(f.rcsConsisEval)}</td>
                <td className="num">{f.refusals}</td>
                <td className="num">{f.nPairs}{f.excludedPairs ? <div className="ci">{f.excludedPairs} left out</div> : null}</td>
              </tr>
            ) : (
              <tr key={f.id} data-family={f.id} data-evaluated="false" className="not-evaluated">
                <td>{f.id}<div className="ci">{f.domain}</div></td>
                <td colSpan={8} className="ci">
                  not evaluated{f.refusals > 0 ? ` (${f.refusals} refusals)` : ' (outside the model’s scope: never sent)'}{' '}
                  <Link href="/how-to-read#not-evaluated">why?</Link>
                </td>
                <td className="num">{f.refusals}</td>
                <td className="num">—</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

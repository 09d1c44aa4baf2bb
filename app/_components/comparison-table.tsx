import { useId } from 'react';
import type { ComparisonRow, FamilyComparison } from '../../evals/metrics';
import { familyLabel } from '../../evals/charts/family-axis';
import { pct } from './format';

const signed = (x: number | null, digits = 1) => (x == null ? 'n/a' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(100 * x).toFixed(digits)}`);
const pValue = (p: number) => (p < 0.001 ? '<0.001' : p.toFixed(3));

function Verdict({ row, a, b }: { row: ComparisonRow; a: string; b: string }) {
  if (row.nProbes === 0) return <span className="verdict noise">no common probes</span>;
  if (row.verdict === 'within noise') return <span className="verdict noise">within noise</span>;
  // A model's label can be long: the badge wraps inside its column rather than running out of the table.
  return <span className={`verdict verdict-wraps ${row.verdict === 'b better' ? 'better' : 'worse'}`}>{row.verdict === 'b better' ? b : a} better</span>;
}

function Cells({ row, a, b }: { row: ComparisonRow; a: string; b: string }) {
  const left = row.leftOut.onlyA + row.leftOut.onlyB + row.leftOut.neither;
  return (
    <>
      <td className="num">{row.nProbes}<div className="ci nowrap">{row.nPairs} pairs{left > 0 ? ` · ${left} left out` : ''}</div></td>
      <td className="num">{pct(row.accA, 1)}</td>
      <td className="num">{pct(row.accB, 1)}</td>
      <td className="num nowrap">
        <strong>{signed(row.delta)}</strong>
        <div className="ci nowrap">{row.lo == null || row.hi == null ? '' : `[${signed(row.lo)}, ${signed(row.hi)}]`}</div>
      </td>
      <td className="num">{row.mcnemar.b} / {row.mcnemar.c}<div className="ci">{row.mcnemar.tiedProbes > 0 ? `${row.mcnemar.tiedProbes} tied` : ''}</div></td>
      <td className="num">{pValue(row.mcnemar.p)}</td>
      <td className="num">{pValue(row.pAdjusted)}</td>
      <td><Verdict row={row} a={a} b={b} /></td>
    </>
  );
}

/**
 * B against the reference A, per family: Δ = acc(B) − acc(A) on the probes both answered, its paired bootstrap
 * interval, McNemar's discordant counts (A-only passes / B-only passes) and p, Holm-adjusted p, and the verdict.
 */
export function ComparisonTable({ a, b, families, overall, alpha }: { a: string; b: string; families: readonly FamilyComparison[]; overall: ComparisonRow; alpha: number }) {
  const captionId = useId();
  return (
    <div className="table-wrap">
      {/* A paragraph, not a <caption>: a caption is as wide as its table, so on a phone it ran out of sight. */}
      <p className="table-caption" id={captionId}>
        <strong>B = {b}</strong> vs <strong>A = {a}</strong> (reference) · Δ = B − A with its 95% paired interval · a difference
        needs the interval to exclude 0 and Holm p ≤ {alpha}
      </p>
      <table data-testid="comparison-table" data-b={b} aria-labelledby={captionId}>
        <thead>
          <tr>
            <th>Family</th>
            <th className="num">Common probes</th>
            <th className="num" title={a}>Acc A</th>
            <th className="num" title={b}>Acc B</th>
            <th className="num" title="Accuracy difference in percentage points">Δ pts (95% CI)</th>
            <th className="num" title={`Discordant probes: passed only by ${a} (b) / only by ${b} (c)`}>McNemar b / c</th>
            <th className="num">p</th>
            <th className="num">p (Holm)</th>
            <th>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {families.map((f) => (
            <tr key={f.id}>
              {/* The skill name over its domain (the id split in two), so the verdict column keeps its room at 1280 px. */}
              <td title={f.id}>{familyLabel(f.id)}<div className="ci">{f.domain}</div></td>
              <Cells row={f} a={a} b={b} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="overall">
            <td><strong>All families</strong><div className="ci">single test, unadjusted</div></td>
            <Cells row={overall} a={a} b={b} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

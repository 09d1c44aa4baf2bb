import type { RunRow } from '../db/queries/runs';
import type { ModelSummary } from '../evals/metrics';

const interval = (t: { acc: number | null; lo: number | null; hi: number | null; n: number }) => ({ acc: t.acc, lo: t.lo, hi: t.hi, n: t.n });

/** The JSON summary `sawtooth eval --json` prints as its last line (a stable, documented shape). */
export function evalReport(run: RunRow, modelId: string, suiteId: string, summary: ModelSummary) {
  return {
    runId: run.id,
    model: modelId,
    suite: suiteId,
    suiteVersion: run.suiteVersion,
    status: run.status,
    counts: { pass: run.passCount, fail: run.failCount, error: run.errorCount },
    families: summary.families.map((f) => ({
      id: f.id,
      domain: f.domain,
      easy: interval(f.easy),
      hard: interval(f.hard),
      cs: f.cs,
      inv: f.inv,
    })),
    jaggedness: { j: summary.jaggedness.j, lo: summary.jaggedness.lo, hi: summary.jaggedness.hi },
    easy: interval(summary.easy),
    hard: interval(summary.hard),
  };
}
export type EvalReport = ReturnType<typeof evalReport>;

const pct = (x: number | null) => (x === null ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
const num = (x: number | null) => (x === null ? ' n/a' : x.toFixed(2));

/** The human table: one line per family, then the model's jaggedness index with its interval. */
export function formatFamilyTable(report: EvalReport): string {
  const width = Math.max(6, ...report.families.map((f) => f.id.length));
  const head = `${'family'.padEnd(width)}  easy    hard    CS    INV   pairs`;
  const lines = report.families.map(
    (f) => `${f.id.padEnd(width)}  ${pct(f.easy.acc)}  ${pct(f.hard.acc)}  ${num(f.cs)}  ${num(f.inv)}  ${String(f.easy.n).padStart(5)}`,
  );
  const j = report.jaggedness;
  const tail =
    `pass ${report.counts.pass}  fail ${report.counts.fail}  error ${report.counts.error}\n` +
    `easy ${pct(report.easy.acc)}  hard ${pct(report.hard.acc)}  jaggedness J = ${num(j.j)}` +
    (j.lo === null ? '' : ` [${num(j.lo)}, ${num(j.hi)}]`);
  return `${head}\n${lines.join('\n')}\n${tail}\n`;
}

import { seriesHexColors } from '../../../evals/charts/series-colors';
import type { ComparisonRow } from '../../../evals/metrics';
import type { CompareView } from '../compare-view';
import type { DisagreementPage } from '../disagreements';
import { escapeHtml as e } from './escape-html';
import { sawtoothSvg } from './sawtooth-svg';

const pct = (x: number | null, digits = 1) => (x === null ? 'n/a' : `${(100 * x).toFixed(digits)}%`);
const num = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));
const pts = (x: number | null) => (x === null ? 'n/a' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(100 * x).toFixed(1)} pts`);
const pValue = (p: number) => (p < 0.001 ? '&lt;0.001' : p.toFixed(3));

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:0;background:#f8fafc;color:#0f172a}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}
.muted{color:#64748b;font-size:13px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #e2e8f0;font-variant-numeric:tabular-nums;margin-bottom:16px}
th,td{padding:6px 10px;border-bottom:1px solid #e2e8f0;text-align:left;vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#64748b;background:#f1f5f9}
td.num,th.num{text-align:right}
p.caption{margin:0;padding:8px 0;color:#334155}
.scroll{overflow-x:auto;margin-bottom:16px}.scroll table{margin-bottom:0}
.noise{color:#64748b}.better{color:#15803d;font-weight:600}.worse{color:#b91c1c;font-weight:600}
.pass{color:#15803d;font-weight:600}.fail{color:#b91c1c;font-weight:600}.tie{color:#a16207;font-weight:600}
pre{white-space:pre-wrap;word-break:break-word;background:#f1f5f9;padding:6px 8px;border-radius:6px;margin:4px 0;font-size:12px;max-height:none}
.chart{background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:8px;overflow-x:auto}
@media print{body{background:#fff}}
`;

function verdictCell(row: ComparisonRow, a: string, b: string): string {
  if (row.nProbes === 0) return '<span class="noise">no common probes</span>';
  if (row.verdict === 'within noise') return '<span class="noise">within noise</span>';
  const winner = row.verdict === 'b better' ? b : a;
  return `<span class="${row.verdict === 'b better' ? 'better' : 'worse'}">${e(winner)} better</span>`;
}

function comparisonCells(row: ComparisonRow, a: string, b: string): string {
  return [
    `<td class="num">${row.nProbes}</td>`,
    `<td class="num">${pct(row.accA)}</td>`,
    `<td class="num">${pct(row.accB)}</td>`,
    `<td class="num">${pts(row.delta)}<div class="muted">${row.lo === null || row.hi === null ? '' : `${pts(row.lo)} to ${pts(row.hi)}`}</div></td>`,
    `<td class="num">${row.mcnemar.b} / ${row.mcnemar.c}</td>`,
    `<td class="num">${pValue(row.mcnemar.p)}</td>`,
    `<td class="num">${pValue(row.pAdjusted)}</td>`,
    `<td>${verdictCell(row, a, b)}</td>`,
  ].join('');
}

/**
 * A self-contained HTML report of a comparison: inline CSS, an inline SVG chart, tables, and the first disagreements
 * with each model's response. No scripts and no external references, so it opens offline and is safe to mail. Every
 * piece of text from the database (labels, prompts, model responses) is escaped.
 */
export function comparisonReportHtml(input: { view: CompareView; disagreements: DisagreementPage; generatedAt: Date }): string {
  const { view, disagreements } = input;
  const labels = view.models.map((m) => m.model.label);
  const labelOf = (id: string) => view.models.find((m) => m.model.id === id)?.model.label ?? id;
  const title = `Sawtooth comparison: ${labels.join(' vs ')}`;
  // Each model in the colour it has on the dashboard's compare page (by id, not by position), as a literal colour.
  const colors = seriesHexColors(view.models.map((m) => m.model.id));
  const chart = sawtoothSvg(view.models.map((m) => ({ name: m.model.label, color: colors.get(m.model.id)!, points: m.points })));

  const modelRows = view.models
    .map(({ model, profile: p }) => {
      const head = `<td>${e(model.label)}<div class="muted">${e(model.id)} · ${e(model.arch)}</div></td>`;
      if (!p) return `<tr>${head}<td colspan="8" class="muted">no completed run on suite ${e(view.suite)}</td></tr>`;
      const notEvaluated = p.families.filter((f) => !f.evaluated).length;
      return `<tr>${head}
<td class="num">${pct(p.easy.acc)}<div class="muted">${p.easy.lo === null ? '' : `${pct(p.easy.lo, 0)}–${pct(p.easy.hi, 0)}`}</div></td>
<td class="num">${pct(p.hard.acc)}<div class="muted">${p.hard.lo === null ? '' : `${pct(p.hard.lo, 0)}–${pct(p.hard.hi, 0)}`}</div></td>
<td class="num">${num(p.inversion.j)}<div class="muted">${p.inversion.lo === null ? '' : `${num(p.inversion.lo)}–${num(p.inversion.hi)}`}</div></td>
<td class="num">${num(p.unevenness.u)}</td><td class="num">${p.nPairs}</td><td class="num">${p.counts.error}</td><td class="num">${p.counts.refusal}</td>
<td>${e(p.suite.id)}@${e(p.suite.version)}<div class="muted">run${p.runs.length > 1 ? 's' : ''} ${p.runs.join(', ')}${notEvaluated > 0 ? ` · ${notEvaluated} families not evaluated` : ''}</div></td></tr>`;
    })
    .join('\n');

  const comparisons = view.comparisons
    .map((c) => {
      const a = labelOf(c.a);
      const b = labelOf(c.b);
      const rows = c.families.map((f) => `<tr><td>${e(f.id)}</td>${comparisonCells(f, a, b)}</tr>`).join('\n');
      const versions = c.versionsDiffer ? ' The two profiles rest on different versions of the suite: only probes identical in both are compared.' : '';
      return `<p class="caption"><strong>${e(b)}</strong> vs <strong>${e(a)}</strong> (reference): Δ = ${e(b)} − ${e(a)}; a difference needs the 95% interval to exclude 0 and Holm p ≤ ${c.alpha}.${e(versions)}</p>
<div class="scroll"><table>
<thead><tr><th>Family</th><th class="num">Common probes</th><th class="num">${e(a)}</th><th class="num">${e(b)}</th><th class="num">Δ (95% CI)</th><th class="num">McNemar b / c</th><th class="num">p</th><th class="num">p (Holm)</th><th>Verdict</th></tr></thead>
<tbody>${rows}
<tr><td><strong>All families</strong></td>${comparisonCells(c.overall, a, b)}</tr></tbody></table></div>`;
    })
    .join('\n');

  const disagreementRows = disagreements.items
    .map((row) => `<tr><td>${e(row.probeId)}<pre>${e(row.prompt)}</pre></td><td>${e(row.answer)}</td>${row.cells
      .map((cell) => `<td><span class="${cell.majority}">${cell.majority === 'tie' ? 'no majority' : cell.majority}</span> <span class="muted">p ${pct(cell.p, 0)} · extracted ${e(cell.transcript?.extracted ?? '—')}</span><pre>${e(cell.transcript?.response ?? '(no response)')}</pre></td>`)
      .join('')}</tr>`)
    .join('\n');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${e(title)}</h1>
<p class="muted">Generated ${e(input.generatedAt.toISOString())} by Sawtooth, on suite <strong>${e(view.suite)}</strong>: each model's latest completed run on it (suites, versions and runs never pool). The first model is the reference. Intervals are 95%; errors (answers that never came) and refusals (the model declined) are left out of every accuracy and counted below.</p>
<h2>Models</h2>
<div class="scroll"><table><thead><tr><th>Model</th><th class="num">Easy acc</th><th class="num">Hard acc</th><th class="num">Inversion J</th><th class="num">Unevenness U</th><th class="num">Pairs</th><th class="num">Errors</th><th class="num">Refused</th><th>Suite version · runs</th></tr></thead>
<tbody>${modelRows}</tbody></table></div>
<h2>Sawtooth profiles</h2>
<div class="chart">${chart}</div>
<h2>Per-family differences</h2>
${comparisons}
<h2>Disagreements</h2>
<p class="muted">${disagreements.total} probe${disagreements.total === 1 ? '' : 's'} where one model passes and another fails, of ${disagreements.commonProbes} every model answered${disagreements.items.length < disagreements.total ? `; the first ${disagreements.items.length} are shown` : ''}.</p>
${disagreementRows ? `<div class="scroll"><table><thead><tr><th>Probe</th><th>Expected</th>${labels.map((l) => `<th>${e(l)}</th>`).join('')}</tr></thead><tbody>${disagreementRows}</tbody></table></div>` : ''}
</main>
</body>
</html>
`;
}

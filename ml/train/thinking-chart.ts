import type { ThinkingTime } from './thinking-time';

/** One model's thinking-time data (a card's `evaluation.thinking`) with the label and colour it is drawn in. */
export interface ChartSeries {
  label: string;
  colour: string;
  thinking: ThinkingTime;
}

const W = 860;
const PANEL = { top: 50, bottom: 300, width: 330 };
const LEFT_X = 70;
const RIGHT_X = 500;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * The thinking-time chart of ml/README.md as a self-contained SVG: left, accuracy on unseen inputs when the model is
 * stopped after k ticks (95% band); right, ticks used under adaptive halting per input length (95% bars), with the
 * means on right and wrong answers in the legend.
 */
export function thinkingChartSvg(series: ChartSeries[], title: string): string {
  const maxTicks = Math.max(...series.flatMap((s) => s.thinking.byTicks.map((b) => b.ticks)));
  const lengths = [...new Set(series.flatMap((s) => s.thinking.ticksUsedByLength.map((l) => l.length)))].sort((a, b) => a - b);
  const yAcc = (v: number) => PANEL.bottom - v * (PANEL.bottom - PANEL.top);
  const xTick = (k: number) => LEFT_X + ((k - 1) / Math.max(1, maxTicks - 1)) * PANEL.width;
  const yTicks = (v: number) => PANEL.bottom - (v / maxTicks) * (PANEL.bottom - PANEL.top);
  const xLen = (l: number) => RIGHT_X + ((lengths.indexOf(l) + 0.5) / lengths.length) * PANEL.width;
  const parts: string[] = [];
  const height = PANEL.bottom + 60 + series.length * 14; // the legend under the panels: one line per series
  const text = (x: number, y: number, s: string, extra = '') => parts.push(`<text x="${x}" y="${y}" ${extra}>${esc(s)}</text>`);

  parts.push(`<rect width="${W}" height="${height}" fill="white"/>`);
  text(W / 2, 22, title, 'text-anchor="middle" font-size="15" font-weight="bold"');
  // Axes and grid.
  for (const [x0, label] of [
    [LEFT_X, 'accuracy on unseen inputs, stopped after k ticks'],
    [RIGHT_X, 'ticks used (adaptive halting) by input length'],
  ] as const) {
    parts.push(`<line x1="${x0}" y1="${PANEL.bottom}" x2="${x0 + PANEL.width}" y2="${PANEL.bottom}" stroke="#333"/>`);
    parts.push(`<line x1="${x0}" y1="${PANEL.top}" x2="${x0}" y2="${PANEL.bottom}" stroke="#333"/>`);
    text(x0 + PANEL.width / 2, 42, label, 'text-anchor="middle" font-size="12"');
  }
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${LEFT_X}" y1="${yAcc(v)}" x2="${LEFT_X + PANEL.width}" y2="${yAcc(v)}" stroke="#eee"/>`);
    text(LEFT_X - 6, yAcc(v) + 4, `${v * 100}%`, 'text-anchor="end" font-size="10"');
  }
  for (let k = 1; k <= maxTicks; k += Math.max(1, Math.floor(maxTicks / 8))) text(xTick(k), PANEL.bottom + 14, String(k), 'text-anchor="middle" font-size="10"');
  text(LEFT_X + PANEL.width / 2, PANEL.bottom + 30, 'k (ticks run)', 'text-anchor="middle" font-size="11"');
  for (let v = 0; v <= maxTicks; v += Math.max(1, Math.floor(maxTicks / 4))) {
    parts.push(`<line x1="${RIGHT_X}" y1="${yTicks(v)}" x2="${RIGHT_X + PANEL.width}" y2="${yTicks(v)}" stroke="#eee"/>`);
    text(RIGHT_X - 6, yTicks(v) + 4, String(v), 'text-anchor="end" font-size="10"');
  }
  for (const l of lengths) text(xLen(l), PANEL.bottom + 14, String(l), 'text-anchor="middle" font-size="10"');
  text(RIGHT_X + PANEL.width / 2, PANEL.bottom + 30, 'input length', 'text-anchor="middle" font-size="11"');

  series.forEach((s, i) => {
    const t = s.thinking;
    const upper = t.byTicks.map((b) => `${xTick(b.ticks)},${yAcc(b.high)}`);
    const lower = t.byTicks.map((b) => `${xTick(b.ticks)},${yAcc(b.low)}`).reverse();
    parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${s.colour}" fill-opacity="0.18" stroke="none"/>`);
    parts.push(`<polyline points="${t.byTicks.map((b) => `${xTick(b.ticks)},${yAcc(b.accuracy)}`).join(' ')}" fill="none" stroke="${s.colour}" stroke-width="2"/>`);
    const offset = (i - (series.length - 1) / 2) * 6;
    for (const l of t.ticksUsedByLength) {
      const x = xLen(l.length) + offset;
      parts.push(`<line x1="${x}" y1="${yTicks(l.low)}" x2="${x}" y2="${yTicks(l.high)}" stroke="${s.colour}"/>`);
      parts.push(`<circle cx="${x}" cy="${yTicks(l.mean)}" r="3" fill="${s.colour}"/>`);
    }
    const c = t.ticksUsedByCorrectness;
    text(
      LEFT_X,
      PANEL.bottom + 52 + i * 14,
      `■ ${s.label}: ticks used on right answers ${c.correct.mean.toFixed(1)} (n=${c.correct.n}), on wrong ${c.wrong.mean.toFixed(1)} (n=${c.wrong.n}); threshold ${t.threshold}`,
      `font-size="11" fill="${s.colour}"`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" font-family="sans-serif">\n${parts.join('\n')}\n</svg>\n`;
}

import { estimateTextWidth } from '../../../evals/charts/family-axis';

const GAP_PX = 24;
const FONT_PX = 12;

/**
 * Places the report chart's legend entries ("● name") left to right, wrapping to a new row before an entry would run
 * past `widthPx` or into the key on the right (`reservePx` of the first row), so long model names never overlap.
 */
export function legendRows(names: readonly string[], widthPx: number, reservePx = 0): { at: Array<{ x: number; row: number }>; rows: number } {
  const at: Array<{ x: number; row: number }> = [];
  let x = 0;
  let row = 0;
  for (const name of names) {
    const w = estimateTextWidth(`● ${name}`, FONT_PX);
    const room = widthPx - (row === 0 ? reservePx : 0);
    if (x > 0 && x + w > room) {
      row += 1;
      x = 0;
    }
    at.push({ x, row });
    x += w + GAP_PX;
  }
  return { at, rows: Math.max(1, row + 1) };
}

import type { ProfilePoint } from '../../../evals/metrics';
import { estimateTextWidth, familyAxis, familyLabel, isLabelled, LABEL_FONT_PX, shortLabel } from '../../../evals/charts/family-axis';
import { escapeHtml } from './escape-html';
import { legendRows } from './svg-legend';

/** One model's line in a static chart. `color` is a literal colour (a report has no CSS variables to resolve). */
export interface SvgSeries {
  name: string;
  color: string;
  points: readonly ProfilePoint[];
}

const fmt = (x: number) => x.toFixed(1);
const Y_AXIS_PX = 44;
const RIGHT_PX = 16;
const KEY_TEXT = '● easy ■ hard · whiskers: 95% intervals';

/**
 * The sawtooth chart as a static SVG string: one zig-zag line per series over the families in chart order, 95%
 * whiskers, easy points as circles and hard points as squares, a legend on top and a <title> per point (a tooltip
 * without scripts). No external references and no scripts, so it works inside an offline HTML file.
 */
export function sawtoothSvg(series: readonly SvgSeries[], opts: { width?: number; plotHeight?: number } = {}): string {
  const width = opts.width ?? 1030;
  const plotHeight = opts.plotHeight ?? 260;
  const keys: Array<{ family: string; domain: string; tier: 'easy' | 'hard' }> = [];
  const seen = new Set<string>();
  for (const s of series) {
    for (const p of s.points) {
      const key = `${p.family}|${p.tier}`;
      if (!seen.has(key)) {
        seen.add(key);
        keys.push({ family: p.family, domain: p.domain, tier: p.tier });
      }
    }
  }
  const order = (k: { family: string; domain: string; tier: string }) => `${k.domain}\u0000${k.family}\u0000${k.tier === 'easy' ? 0 : 1}`;
  keys.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const index = new Map(keys.map((k, i) => [`${k.family}|${k.tier}`, i]));
  const families = keys.filter((k) => k.tier === 'easy').map((k) => k.family);
  // The y axis' labels take the first 44 px; the x labels are laid out so the first one fits and none overlap.
  const axis = familyAxis({ plotWidth: width - Y_AXIS_PX - RIGHT_PX, freeLeft: Y_AXIS_PX, labels: families.map(familyLabel), pointsPerFamily: 2 });
  const legend = legendRows(series.map((s) => s.name), width - Y_AXIS_PX - RIGHT_PX, estimateTextWidth(KEY_TEXT) + 24);
  const margin = { top: 12 + 18 * legend.rows, right: RIGHT_PX, bottom: axis.height + 4, left: Y_AXIS_PX + axis.extraLeft };
  const height = margin.top + plotHeight + margin.bottom;
  const plotWidth = width - margin.left - margin.right;
  const x = (i: number) => margin.left + (keys.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (keys.length - 1));
  const y = (acc: number) => margin.top + (1 - acc) * plotHeight;

  const parts: string[] = [];
  parts.push(`<svg class="sawtooth-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Sawtooth profiles">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${fmt(y(tick))}" y2="${fmt(y(tick))}" stroke="#e2e8f0" stroke-dasharray="3 3"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${fmt(y(tick) + 4)}" font-size="11" text-anchor="end" fill="#64748b">${tick * 100}%</text>`);
  }
  const labelY = margin.top + plotHeight + 10;
  let familyIndex = -1;
  keys.forEach((k, i) => {
    if (k.tier !== 'easy' || !isLabelled(++familyIndex, axis)) return;
    // Vertical text is centred on its tick (dy .35em); slanted text hangs from it (dy .71em), as recharts draws it.
    const dy = axis.angle === -90 ? '.35em' : '.71em';
    const label = escapeHtml(shortLabel(familyLabel(k.family), axis.maxChars));
    parts.push(`<text x="${fmt(x(i))}" y="${labelY}" dy="${dy}" font-size="${LABEL_FONT_PX}" fill="#64748b" text-anchor="end" transform="rotate(${axis.angle} ${fmt(x(i))} ${labelY})"><title>${escapeHtml(k.family)}</title>${label}</text>`);
  });
  series.forEach((s, si) => {
    const color = escapeHtml(s.color);
    const sorted = [...s.points].sort((a, b) => index.get(`${a.family}|${a.tier}`)! - index.get(`${b.family}|${b.tier}`)!);
    // A family without data breaks the line rather than joining across it.
    let path = '';
    let pen = false;
    for (const p of sorted) {
      if (p.acc === null) {
        pen = false;
        continue;
      }
      path += `${pen ? 'L' : 'M'}${fmt(x(index.get(`${p.family}|${p.tier}`)!))} ${fmt(y(p.acc))}`;
      pen = true;
    }
    if (path) parts.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round"/>`);
    for (const p of sorted) {
      if (p.acc === null) continue;
      const cx = x(index.get(`${p.family}|${p.tier}`)!);
      const cy = y(p.acc);
      const title = `<title>${escapeHtml(`${s.name} · ${p.family} · ${p.tier}: ${(100 * p.acc).toFixed(1)}%${p.lo !== null && p.hi !== null ? ` (95% CI ${(100 * p.lo).toFixed(0)}–${(100 * p.hi).toFixed(0)}%)` : ''} · n = ${p.n}`)}</title>`;
      if (p.lo !== null && p.hi !== null) {
        parts.push(`<line x1="${fmt(cx)}" x2="${fmt(cx)}" y1="${fmt(y(p.lo))}" y2="${fmt(y(p.hi))}" stroke="${color}" stroke-opacity="0.5"/>`);
      }
      parts.push(
        p.tier === 'easy'
          ? `<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="4.5" fill="${color}" stroke="#ffffff" data-series="${si}" data-tier="easy">${title}</circle>`
          : `<rect x="${fmt(cx - 4)}" y="${fmt(cy - 4)}" width="8" height="8" fill="${color}" stroke="#ffffff" data-series="${si}" data-tier="hard">${title}</rect>`,
      );
    }
    const at = legend.at[si]!;
    parts.push(`<text x="${Y_AXIS_PX + at.x}" y="${18 + 18 * at.row}" font-size="12" fill="${color}">● ${escapeHtml(s.name)}</text>`);
  });
  parts.push(`<text x="${width - margin.right}" y="18" font-size="11" fill="#64748b" text-anchor="end">${KEY_TEXT}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

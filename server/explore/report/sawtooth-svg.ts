import type { ProfilePoint } from '../../../evals/metrics';
import { escapeHtml } from './escape-html';

/** One model's line in a static chart. `color` is a literal colour (a report has no CSS variables to resolve). */
export interface SvgSeries {
  name: string;
  color: string;
  points: readonly ProfilePoint[];
}

const fmt = (x: number) => x.toFixed(1);

/**
 * The sawtooth chart as a static SVG string: one zig-zag line per series over the families in chart order, 95%
 * whiskers, easy points as circles and hard points as squares, a legend on top and a <title> per point (a tooltip
 * without scripts). No external references and no scripts, so it works inside an offline HTML file.
 */
export function sawtoothSvg(series: readonly SvgSeries[], opts: { width?: number; height?: number } = {}): string {
  const width = opts.width ?? 960;
  const height = opts.height ?? 380;
  const margin = { top: 36, right: 16, bottom: 86, left: 44 };
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
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (i: number) => margin.left + (keys.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (keys.length - 1));
  const y = (acc: number) => margin.top + (1 - acc) * plotHeight;

  const parts: string[] = [];
  parts.push(`<svg class="sawtooth-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Sawtooth profiles">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${fmt(y(tick))}" y2="${fmt(y(tick))}" stroke="#e2e8f0" stroke-dasharray="3 3"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${fmt(y(tick) + 4)}" font-size="11" text-anchor="end" fill="#64748b">${tick * 100}%</text>`);
  }
  keys.forEach((k, i) => {
    if (k.tier !== 'easy') return;
    const label = escapeHtml(k.family.split('.').slice(1).join('.') || k.family);
    parts.push(`<text x="${fmt(x(i))}" y="${height - margin.bottom + 14}" font-size="11" fill="#64748b" text-anchor="end" transform="rotate(-35 ${fmt(x(i))} ${height - margin.bottom + 14})">${label}</text>`);
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
    parts.push(`<text x="${margin.left + si * 200}" y="18" font-size="12" fill="${color}">● ${escapeHtml(s.name)}</text>`);
  });
  parts.push(`<text x="${width - margin.right}" y="18" font-size="11" fill="#64748b" text-anchor="end">● easy ■ hard · whiskers: 95% intervals</text>`);
  parts.push('</svg>');
  return parts.join('');
}

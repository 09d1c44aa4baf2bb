import { describe, expect, it } from 'vitest';
import type { ProfilePoint } from '../../../evals/metrics';
import { estimateTextWidth } from '../../../evals/charts/family-axis';
import { escapeHtml } from './escape-html';
import { sawtoothSvg } from './sawtooth-svg';

const point = (family: string, tier: 'easy' | 'hard', acc: number | null): ProfilePoint => ({
  family, domain: family.split('.')[0]!, tier, acc, lo: acc === null ? null : Math.max(0, acc - 0.1), hi: acc === null ? null : Math.min(1, acc + 0.1), n: acc === null ? 0 : 10,
});

describe('sawtoothSvg', () => {
  it('draws one path per series, circles for easy and squares for hard, in chart order', () => {
    const svg = sawtoothSvg([
      { name: 'A', color: '#f00', points: [point('b.two', 'easy', 0.9), point('b.two', 'hard', 0.4), point('a.one', 'easy', 0.8), point('a.one', 'hard', 0.6)] },
      { name: 'B', color: '#00f', points: [point('a.one', 'easy', 0.5), point('a.one', 'hard', 0.7)] },
    ]);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg.match(/<circle [^>]*data-tier="easy"/g)).toHaveLength(3);
    expect(svg.match(/<rect [^>]*data-tier="hard"/g)).toHaveLength(3);
    // a.one (domain a) comes before b.two: the first x label is "one".
    expect(svg.indexOf('>one</text>')).toBeLessThan(svg.indexOf('>two</text>'));
    expect(svg).not.toMatch(/https?:\/\//);
  });

  it('breaks the line at a family without data', () => {
    const svg = sawtoothSvg([{ name: 'A', color: '#f00', points: [point('a.x', 'easy', 1), point('a.x', 'hard', 0.5), point('a.y', 'easy', null), point('a.y', 'hard', null), point('a.z', 'easy', 1), point('a.z', 'hard', 0)] }]);
    const d = /<path d="([^"]+)"/.exec(svg)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('keeps a long first label inside the chart (it used to be cut at the left edge), with the full id as its tooltip', () => {
    const families = ['algorithmic.balanced-brackets', 'algorithmic.binary-to-decimal', 'arithmetic.decimal-comparison'];
    const svg = sawtoothSvg([{ name: 'A', color: '#f00', points: families.flatMap((f) => [point(f, 'easy', 0.8), point(f, 'hard', 0.4)]) }]);
    const first = /<text x="([\d.]+)" y="[\d.]+" dy="[^"]+" font-size="11"[^>]*transform="rotate\((-?\d+) /.exec(svg)!;
    const [x, angle] = [Number(first[1]), Number(first[2])];
    const reach = estimateTextWidth('balanced-brackets') * Math.cos((Math.abs(angle) * Math.PI) / 180);
    expect(x - reach).toBeGreaterThanOrEqual(0);
    expect(svg).toContain('<title>algorithmic.balanced-brackets</title>balanced-brackets</text>');
  });

  it('puts long model names of the legend on rows of their own instead of over each other', () => {
    const names = ['Simulated consistent knower that guesses', 'Simulated independent tiers (80% / 50%)', 'Simulated smooth model, no guessing', 'Simulated coin-flipper'];
    const svg = sawtoothSvg(names.map((name) => ({ name, color: '#00f', points: [point('a.one', 'easy', 0.5), point('a.one', 'hard', 0.5)] })));
    const entries = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="12"[^>]*>● ([^<]+)</g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: estimateTextWidth(`● ${m[3]}`, 12) }));
    expect(entries).toHaveLength(4);
    for (const a of entries) {
      for (const b of entries) {
        if (a === b || a.y !== b.y) continue;
        expect(a.x + a.w <= b.x || b.x + b.w <= a.x).toBe(true);
      }
      expect(a.x + a.w).toBeLessThanOrEqual(1030);
    }
  });

  it('escapes names and family ids', () => {
    const svg = sawtoothSvg([{ name: '<script>x</script>', color: '#f00', points: [point('a.<b>', 'easy', 1)] }]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

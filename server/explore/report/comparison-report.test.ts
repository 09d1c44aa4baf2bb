import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriesColors } from '../../../evals/charts/series-colors';
import type { ProfilePoint } from '../../../evals/metrics';
import type { CompareView } from '../compare-view';
import { comparisonReportHtml } from './comparison-report';

const point = (family: string, tier: 'easy' | 'hard', acc: number): ProfilePoint => ({ family, domain: family.split('.')[0]!, tier, acc, lo: acc - 0.1, hi: acc + 0.1, n: 10 });

/** A comparison of these models (no profiles: the chart and the legend are what this test reads). */
function report(ids: readonly string[]): string {
  const view: CompareView = {
    suite: 'core',
    comparisons: [],
    models: ids.map((id) => ({
      model: { id, label: `Model ${id}`, arch: 'llm', baseUrl: null, modelName: id, apiKeyEnv: null, origin: 'cli' },
      profile: null,
      points: [point('a.one', 'easy', 0.8), point('a.one', 'hard', 0.4)],
    })),
  };
  return comparisonReportHtml({ view, disagreements: { total: 0, commonProbes: 0, families: [], items: [] }, generatedAt: new Date(0) });
}

/** The colour each model's legend entry and line are drawn in, by model label. */
function legendColors(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<text [^>]*font-size="12" fill="([^"]+)">● ([^<]+)<\/text>/g)].map((m) => [m[2]!, m[1]!]));
}

/** The light-theme value of each `--series-N` variable in the dashboard's stylesheet. */
function dashboardLightColors(): Map<string, string> {
  const css = readFileSync(new URL('../../../app/globals.css', import.meta.url), 'utf8');
  const light = css.split('\n').filter((line) => line.startsWith(':root {'));
  return new Map(light.flatMap((line) => [...line.matchAll(/--(series-\d+): (#[0-9a-f]{6})/g)].map((m) => [`var(--${m[1]})`, m[2]!])));
}

describe('comparison report colours', () => {
  it('draws a model in the same colour in every report, whatever the order and company, and in its dashboard colour', () => {
    const first = legendColors(report(['sawtooth-ctm', 'sawtooth-lstm', 'sawtooth-transformer']));
    const second = legendColors(report(['gpt-4o-mini', 'sawtooth-transformer', 'sawtooth-ctm']));
    expect(first.size).toBe(3);
    expect(second.size).toBe(3);
    expect(second.get('Model sawtooth-ctm')).toBe(first.get('Model sawtooth-ctm'));
    expect(second.get('Model sawtooth-transformer')).toBe(first.get('Model sawtooth-transformer'));
    // Never one colour twice in a report.
    expect(new Set(first.values()).size).toBe(3);
    expect(new Set(second.values()).size).toBe(3);

    // The dashboard's compare page paints the same models with CSS variables; their light values are the report's.
    const light = dashboardLightColors();
    for (const ids of [['sawtooth-ctm', 'sawtooth-lstm', 'sawtooth-transformer'], ['gpt-4o-mini', 'sawtooth-transformer', 'sawtooth-ctm']]) {
      const drawn = legendColors(report(ids));
      for (const [id, cssVar] of seriesColors(ids)) expect(drawn.get(`Model ${id}`), id).toBe(light.get(cssVar));
    }
  });

  it('draws each model\'s line and points in its legend colour', () => {
    const html = report(['gpt-4o-mini', 'sawtooth-ctm']);
    const colors = legendColors(html);
    for (const color of colors.values()) {
      expect(html).toContain(`stroke="${color}" stroke-width="2"`);
      expect(html).toMatch(new RegExp(`<circle [^>]*fill="${color}"`));
    }
  });
});

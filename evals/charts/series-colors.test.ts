import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERIES_LIGHT_HEX, SERIES_SLOTS, seriesColors, seriesHexColors } from './series-colors';

describe('seriesColors', () => {
  it('gives a model the same colour in every comparison it is part of, and never one colour twice in a view', () => {
    const ids = ['gpt-4o-mini', 'sawtooth-ctm', 'sawtooth-lstm', 'sawtooth-transformer', 'llama3.2', 'qwen2.5'];
    const alone = new Map(ids.map((id) => [id, seriesColors([id]).get(id)]));
    for (const view of [ids.slice(0, 2), ids.slice(1, 4), [ids[5]!, ids[0]!]]) {
      const colors = seriesColors(view);
      expect(new Set(colors.values()).size).toBe(view.length);
      // Same colour whatever the order the ids come in.
      expect(seriesColors([...view].reverse())).toEqual(colors);
    }
    const a = seriesColors(['gpt-4o-mini', 'sawtooth-ctm']);
    const b = seriesColors(['gpt-4o-mini', 'llama3.2']);
    expect(a.get('gpt-4o-mini')).toBe(b.get('gpt-4o-mini'));
    expect(alone.get('gpt-4o-mini')).toBe(a.get('gpt-4o-mini'));
  });

  it('gives the report the same slot as the dashboard, as a literal colour', () => {
    const ids = ['gpt-4o-mini', 'sawtooth-ctm', 'llama3.2', 'qwen2.5'];
    const css = seriesColors(ids);
    const hex = seriesHexColors(ids);
    for (const id of ids) expect(hex.get(id)).toBe(SERIES_LIGHT_HEX[Number(/--series-(\d+)/.exec(css.get(id)!)![1]) - 1]);
  });

  it('lists the light values app/globals.css gives --series-1 … --series-8', () => {
    const css = readFileSync(new URL('../../app/globals.css', import.meta.url), 'utf8');
    const light = new Map(css.split('\n').filter((line) => line.startsWith(':root {')).flatMap((line) => [...line.matchAll(/--series-(\d+): (#[0-9a-f]{6})/g)].map((m) => [Number(m[1]), m[2]!])));
    expect(light.size).toBe(SERIES_SLOTS);
    for (let slot = 0; slot < SERIES_SLOTS; slot++) expect(light.get(slot + 1), `--series-${slot + 1}`).toBe(SERIES_LIGHT_HEX[slot]);
  });
});

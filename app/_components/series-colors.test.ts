import { describe, expect, it } from 'vitest';
import { seriesColors } from './series-colors';

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
});

import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from './did-you-mean';

describe('did you mean', () => {
  const commands = ['up', 'eval', 'runs', 'worker', 'train', 'import', 'export', 'probes', 'serve', 'grade', 'seed', 'bench', 'models'];

  it('finds the command or flag a typo meant', () => {
    expect(closest('evl', commands)).toBe('eval');
    expect(closest('porbes', commands)).toBe('probes');
    expect(closest('suit', ['suite', 'model', 'samples'])).toBe('suite');
    expect(closest('modle', ['suite', 'model', 'model-name'])).toBe('model');
    expect(didYouMean('suit', ['suite'], '--')).toBe(' (did you mean "--suite"?)');
  });

  it('suggests nothing for a word far from every known one', () => {
    expect(closest('frobnicate', commands)).toBeUndefined();
    expect(closest('x', commands)).toBeUndefined();
    expect(didYouMean('zzz', commands)).toBe('');
  });
});

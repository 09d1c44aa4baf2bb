import { describe, expect, it } from 'vitest';
import { compareQuery, parseCompareQuery, withModels } from './compare-url';

const parse = (q: string) => parseCompareQuery(new URLSearchParams(q));

describe('compare URL state', () => {
  it('round-trips models, filters, family and page', () => {
    const state = parse('models=a,b,c&filter=pass,any,fail&family=arithmetic.x&page=3');
    expect(state).toEqual({ models: ['a', 'b', 'c'], filters: ['pass', 'any', 'fail'], family: 'arithmetic.x', page: 3 });
    expect(parse(compareQuery(state))).toEqual(state);
  });
  it('writes only what differs from the defaults', () => {
    expect(compareQuery(parse('models=a,b'))).toBe('models=a,b');
    expect(compareQuery(parse('models=a,b&filter=any,any&page=1'))).toBe('models=a,b');
  });
  it('forgives hand-edited URLs: duplicates, more than four models, bad filters and pages', () => {
    expect(parse('models=a,a,b,c,d,e&filter=pass,bogus&page=-2')).toEqual({
      models: ['a', 'b', 'c', 'd'], filters: ['pass', 'any', 'any', 'any'], family: undefined, page: 1,
    });
    expect(parse('')).toEqual({ models: [], filters: [], family: undefined, page: 1 });
  });
  it('keeps each model its filter when models are added, removed or reordered, and resets the page', () => {
    const state = parse('models=a,b,c&filter=pass,fail,any&page=4');
    expect(withModels(state, ['c', 'a'])).toMatchObject({ models: ['c', 'a'], filters: ['any', 'pass'], page: 1 });
    expect(withModels(state, ['a', 'b', 'c', 'd', 'e'])).toMatchObject({ models: ['a', 'b', 'c', 'd'], filters: ['pass', 'fail', 'any', 'any'] });
  });
  it('encodes ids that need it', () => {
    const q = compareQuery({ models: ['m 1', 'x&y'], filters: ['any', 'any'], family: undefined, page: 1 });
    expect(parse(q).models).toEqual(['m 1', 'x&y']);
  });
});

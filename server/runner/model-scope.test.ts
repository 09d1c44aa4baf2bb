import { describe, expect, test } from 'vitest';
import { familiesInScope, scopeFromModelList } from './model-scope';

const families = [
  { id: 'algorithmic.addition', domain: 'algorithmic' },
  { id: 'algorithmic.parity', domain: 'algorithmic' },
  { id: 'arithmetic.fractions', domain: 'arithmetic' },
];

describe('scopeFromModelList', () => {
  test('reads families, else tasks, of the named model; anything else is no scope', () => {
    const body = { object: 'list', data: [{ id: 'ctm', families: ['algorithmic.parity'] }, { id: 'old', tasks: ['parity', 'addition'] }, { id: 'llm' }] };
    expect(scopeFromModelList(body, 'ctm')).toEqual({ families: ['algorithmic.parity'] });
    expect(scopeFromModelList(body, 'old')).toEqual({ tasks: ['parity', 'addition'] });
    expect(scopeFromModelList(body, 'llm')).toBeNull();
    expect(scopeFromModelList(body, 'absent')).toBeNull();
    expect(scopeFromModelList({ error: 'nope' }, 'ctm')).toBeNull();
  });
});

describe('familiesInScope', () => {
  test('configured families or domains win over what the endpoint lists', () => {
    expect(familiesInScope(families, { domains: ['arithmetic'] }, { families: ['algorithmic.parity'] })).toEqual(['arithmetic.fractions']);
    expect(familiesInScope(families, { families: ['algorithmic.parity'] }, null)).toEqual(['algorithmic.parity']);
  });
  test('listed tasks match families ending in them; all families in scope is null (the whole suite)', () => {
    expect(familiesInScope(families, null, { tasks: ['parity', 'addition'] })).toEqual(['algorithmic.addition', 'algorithmic.parity']);
    expect(familiesInScope(families, null, { tasks: ['parity', 'addition', 'fractions'] })).toBeNull();
    expect(familiesInScope(families, null, null)).toBeNull();
    const cards = [...families, { id: 'algorithmic.card-parity', domain: 'algorithmic' }, { id: 'algorithmic.disparity', domain: 'algorithmic' }];
    expect(familiesInScope(cards, null, { tasks: ['parity'] })).toEqual(['algorithmic.parity', 'algorithmic.card-parity']);
  });
});

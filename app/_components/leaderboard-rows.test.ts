import { describe, expect, it } from 'vitest';
import { filterRows, sortRows, type SortableRow } from './leaderboard-rows';

function row(id: string, arch: string, j: number | null, easy: number | null, runs = 1): SortableRow {
  return { model: { id, label: id.toUpperCase(), arch, modelName: `${id}-name` }, easy: { acc: easy }, hard: { acc: null }, jaggedness: { j }, unevenness: { u: null }, runs };
}

const rows = [row('a', 'llm', 0.2, 0.9), row('b', 'ctm', null, null, 0), row('c', 'llm', 0.5, 0.7), row('d', 'lstm', 0.2, 0.8)];

describe('sortRows', () => {
  it('sorts J most jagged first, ties by label, models without J last', () => {
    expect(sortRows(rows, 'j', 'desc').map((r) => r.model.id)).toEqual(['c', 'a', 'd', 'b']);
  });
  it('keeps n/a last in ascending order too', () => {
    expect(sortRows(rows, 'j', 'asc').map((r) => r.model.id)).toEqual(['a', 'd', 'c', 'b']);
    expect(sortRows(rows, 'easy', 'asc').map((r) => r.model.id)).toEqual(['c', 'd', 'a', 'b']);
  });
  it('sorts names and runs', () => {
    expect(sortRows(rows, 'model', 'desc').map((r) => r.model.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(sortRows(rows, 'runs', 'asc').map((r) => r.model.id)).toEqual(['b', 'a', 'c', 'd']);
  });
  it('does not mutate its input', () => {
    const before = rows.map((r) => r.model.id);
    sortRows(rows, 'model', 'desc');
    expect(rows.map((r) => r.model.id)).toEqual(before);
  });
});

describe('filterRows', () => {
  it('matches label, id or model name in any case, and the arch', () => {
    expect(filterRows(rows, '  C-NAME ', 'all').map((r) => r.model.id)).toEqual(['c']);
    expect(filterRows(rows, '', 'llm').map((r) => r.model.id)).toEqual(['a', 'c']);
    expect(filterRows(rows, 'B-NAME', 'ctm').map((r) => r.model.id)).toEqual(['b']);
    expect(filterRows(rows, 'zzz', 'all')).toEqual([]);
    expect(filterRows(rows, 'c', 'ctm')).toEqual([]);
    expect(filterRows(rows, '', 'all')).toHaveLength(4);
  });
});

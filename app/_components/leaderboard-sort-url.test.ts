import { describe, expect, it } from 'vitest';
import { searchWithSort, sortFromSearch } from './leaderboard-rows';

describe('the leaderboard sort in the URL', () => {
  it('round-trips a sort and keeps the other parameters', () => {
    const search = searchWithSort('?q=ctm', { key: 'hard', direction: 'asc' });
    expect(search).toBe('?q=ctm&sort=hard&dir=asc');
    expect(sortFromSearch(search)).toEqual({ key: 'hard', direction: 'asc' });
  });

  it('ignores an unknown column and fills in the column\'s own direction', () => {
    expect(sortFromSearch('?sort=nope')).toBeNull();
    expect(sortFromSearch('')).toBeNull();
    expect(sortFromSearch('?sort=j')).toEqual({ key: 'j', direction: 'desc' });
  });
});

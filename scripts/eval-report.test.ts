import { describe, expect, it } from 'vitest';
import { buildProfile } from '../evals/metrics';
import { pairs } from '../evals/metrics/tally-builders';
import { formatFamilyTable } from './eval-report';

const rows = (n: number, easy: string, hard: string) => Array.from({ length: n }, () => [easy, hard] as const);

describe('formatFamilyTable', () => {
  it('marks flipped teeth, says which families were not evaluated, and ends with the verdict', () => {
    const profile = buildProfile({
      model: 'm',
      suite: { id: 'core', version: '0123456789abcdef' },
      runs: [1],
      pairs: [...pairs('a.flip', rows(10, 'F', 'P')), ...pairs('a.ok', rows(10, 'P', 'F')), ...pairs('b.refused', rows(2, 'R', 'R'))],
      options: { draws: 50 },
    });
    const text = formatFamilyTable(profile);
    expect(text).toMatch(/^a\.flip\s+0\.0%\s+100\.0%.*FLIPPED$/m);
    expect(text).toMatch(/^a\.ok\s+100\.0%\s+0\.0%.*\d$/m);
    expect(text).toMatch(/^b\.refused\s+not evaluated \(4 refusals\)$/m);
    expect(text).toMatch(/^pass 20 {2}fail 20 {2}refusal 4 {2}error 0$/m);
    expect(text).toMatch(/^verdict: jagged {2}index 0\.25 \[0\.25, 0\.25\] {2}flipped: a\.flip {2}\(rests on one sample per probe\)$/m);
  });

  it('says "insufficient data" for an empty profile', () => {
    const text = formatFamilyTable(buildProfile({ model: 'm', suite: { id: 'core', version: 'v' }, runs: [], pairs: [] }));
    expect(text).toMatch(/^verdict: insufficient data$/m);
  });
});

import { describe, expect, it } from 'vitest';
import { ErrorKindSchema } from './';
import { adviceFor, ERROR_ADVICE } from './error-advice';

describe('error advice', () => {
  it('has a title and an actionable sentence for every error kind of the contract', () => {
    for (const kind of ErrorKindSchema.options) {
      const advice = adviceFor(kind);
      expect(advice, kind).toBe(ERROR_ADVICE[kind]);
      expect(advice.title.length, kind).toBeGreaterThan(3);
      expect(advice.advice, kind).toMatch(/\.$/);
    }
    expect(Object.keys(ERROR_ADVICE).sort()).toEqual([...ErrorKindSchema.options].sort());
  });

  it('falls back to the advice for unknown failures for a kind it does not know', () => {
    expect(adviceFor('quota_exceeded_v9')).toBe(ERROR_ADVICE.unknown);
    expect(adviceFor(null)).toBe(ERROR_ADVICE.unknown);
  });

  it('marks the transient kinds that "retry errors" is likely to fix', () => {
    expect(ERROR_ADVICE.rate_limited.transient).toBe(true);
    expect(ERROR_ADVICE.truncated.transient).toBe(false);
    expect(ERROR_ADVICE.auth.transient).toBe(false);
  });
});

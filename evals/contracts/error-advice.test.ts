import { describe, expect, it } from 'vitest';
import { ErrorKindSchema } from './';
import { adviceFor, ERROR_ADVICE, errorAdvice } from './error-advice';

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

  it('adds the one detail of the model a person acts on, after the same words the CLI prints', () => {
    const model = { apiKeyEnv: 'OPENAI_API_KEY', baseUrl: 'http://127.0.0.1:9/v1', modelName: 'gpt-x' };
    expect(errorAdvice('auth', model)).toBe(`${ERROR_ADVICE.auth.advice} This model reads its key from OPENAI_API_KEY in the server's environment.`);
    expect(errorAdvice('connection', model)).toBe(`${ERROR_ADVICE.connection.advice} Base URL: http://127.0.0.1:9/v1`);
    expect(errorAdvice('not_found', model)).toContain('"gpt-x"');
    expect(errorAdvice('timeout', model)).toBe(ERROR_ADVICE.timeout.advice);
    expect(errorAdvice('something_new')).toBe(ERROR_ADVICE.unknown.advice);
  });
});

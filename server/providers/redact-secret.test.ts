import { describe, expect, it } from 'vitest';
import { redactSecret } from './redact-secret';

describe('redactSecret', () => {
  it('removes every occurrence of the key', () => {
    expect(redactSecret('Incorrect API key provided: sk-abc123. Check sk-abc123!', 'sk-abc123')).toBe(
      'Incorrect API key provided: [redacted key]. Check [redacted key]!',
    );
  });
  it('leaves text alone without a key', () => {
    expect(redactSecret('nothing secret', undefined)).toBe('nothing secret');
  });
});

describe('redactSecret on cut keys', () => {
  const key = 'sk-test-SECRET1234567890abcdef';
  it('removes a prefix of the key left by shortening (12+ characters), wherever it is', () => {
    expect(redactSecret('Incorrect API key provided: Bearer sk-test-SECRET12…', key)).toBe('Incorrect API key provided: Bearer [redacted key]…');
    expect(redactSecret(`${key.slice(0, 20)} and ${key}`, key)).toBe('[redacted key] and [redacted key]');
  });
  it('keeps shorter look-alikes (the sk-test- family prefix) that identify nothing', () => {
    expect(redactSecret('use sk-test-SEC keys', key)).toBe('use sk-test-SEC keys');
  });
});

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

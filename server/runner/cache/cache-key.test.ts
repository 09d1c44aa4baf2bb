import { describe, expect, it } from 'vitest';
import { cacheKey, type CacheKeyParts } from './cache-key';

const base: CacheKeyParts = {
  endpoint: 'http://127.0.0.1:8808/v1',
  model: 'm',
  temperature: 0.7,
  maxTokens: 256,
  seed: 11,
  reasoning: false,
  sample: 1,
  messages: [{ role: 'user', content: 'What is 2+2?' }],
};

describe('cacheKey', () => {
  it('is the same for the same request, a trailing slash on the base URL included', () => {
    expect(cacheKey(base)).toBe(cacheKey({ ...base, messages: [{ role: 'user', content: 'What is 2+2?' }] }));
    expect(cacheKey(base)).toBe(cacheKey({ ...base, endpoint: 'http://127.0.0.1:8808/v1/' }));
    expect(cacheKey(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with every part that can change the answer', () => {
    const variants: Array<Partial<CacheKeyParts>> = [
      { endpoint: 'https://api.example.com/v1' },
      { model: 'm2' },
      { temperature: 0 },
      { temperature: undefined },
      { maxTokens: 512 },
      { seed: 12 },
      { seed: undefined },
      { reasoning: true },
      { sample: 2 },
      { messages: [{ role: 'user', content: 'What is 2+3?' }] },
      { messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'What is 2+2?' }] },
    ];
    const keys = new Set([cacheKey(base), ...variants.map((v) => cacheKey({ ...base, ...v }))]);
    expect(keys.size).toBe(variants.length + 1);
  });

  it('does not confuse a role with content that looks like one', () => {
    const a = cacheKey({ ...base, messages: [{ role: 'user', content: 'system' }] });
    const b = cacheKey({ ...base, messages: [{ role: 'system', content: 'user' }] });
    expect(a).not.toBe(b);
  });
});

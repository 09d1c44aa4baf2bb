import { expect, it } from 'vitest';
import { parseRateLimit } from './rate-limit';

it('parses <requests>/<seconds> and says what is wrong otherwise', () => {
  expect(parseRateLimit('600/60')).toEqual({ requests: 600, perSeconds: 60 });
  expect(parseRateLimit(' 5 / 0.5s ')).toEqual({ requests: 5, perSeconds: 0.5 });
  expect(() => parseRateLimit('600')).toThrow('"600" is not <requests>/<seconds>, e.g. 600/60 for 600 requests a minute');
  expect(() => parseRateLimit('0/60')).toThrow('"0/60": requests must be at least 1');
  expect(() => parseRateLimit('5/0')).toThrow('"5/0": perSeconds must be more than 0');
});

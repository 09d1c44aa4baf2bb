import { describe, expect, it } from 'vitest';
import { parseRetryAfterMs } from './retry-after';

const now = Date.parse('2025-01-01T00:00:00Z');

describe('parseRetryAfterMs', () => {
  it.each([
    ['retry-after-ms wins over retry-after', { 'retry-after-ms': '1500', 'retry-after': '9' }, 1500],
    ['fractional ms round up', { 'retry-after-ms': '20.2' }, 21],
    ['seconds', { 'retry-after': '3' }, 3000],
    ['fractional seconds', { 'retry-after': '0.25' }, 250],
    ['HTTP date in the future', { 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }, 7000],
    ['HTTP date in the past means now', { 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, 0],
    ['garbage', { 'retry-after': 'soon' }, undefined],
    ['negative', { 'retry-after': '-5' }, undefined],
    ['bad ms falls back to seconds', { 'retry-after-ms': 'x', 'retry-after': '2' }, 2000],
    ['nothing', {}, undefined],
  ])('%s', (_name, headers, expected) => {
    expect(parseRetryAfterMs(new Headers(headers), now)).toBe(expected);
  });

  it('returns undefined without headers', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { errorForStatus } from './classify-status';

describe('errorForStatus', () => {
  it.each([
    [429, 'rate_limited', true],
    [500, 'server_error', true],
    [502, 'server_error', true],
    [503, 'server_error', true],
    [408, 'timeout', true],
    [409, 'server_error', true],
    [400, 'bad_request', false],
    [422, 'bad_request', false],
    [413, 'bad_request', false],
    [401, 'auth', false],
    [403, 'auth', false],
    [402, 'auth', false],
    [404, 'not_found', false],
    [302, 'unknown', false],
  ] as const)('HTTP %i → %s (retryable %s)', (status, kind, retryable) => {
    expect(errorForStatus(status, 'x')).toMatchObject({ status, kind, retryable });
  });

  it("puts the endpoint's own words in the message", () => {
    expect(errorForStatus(400, 'Unsupported parameter: max_tokens').message).toBe(
      'the endpoint rejected the request (HTTP 400): Unsupported parameter: max_tokens',
    );
  });
});

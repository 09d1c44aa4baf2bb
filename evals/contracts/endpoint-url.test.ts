import { describe, expect, it } from 'vitest';
import { endpointUrlProblem } from './endpoint-url';

describe('endpointUrlProblem', () => {
  it('accepts the base URLs of common services and local servers', () => {
    for (const url of [
      'https://api.openai.com/v1', 'https://openrouter.ai/api/v1', 'http://127.0.0.1:11434/v1/', 'https://api.groq.com/openai/v1',
      'https://generativelanguage.googleapis.com/v1beta/openai/', 'http://localhost:8000/v1',
    ]) expect(endpointUrlProblem(url), url).toBeNull();
  });

  it('suggests /v1 when the version is missing, and the base when a request URL was pasted', () => {
    expect(endpointUrlProblem('http://127.0.0.1:11434')).toEqual({ message: expect.stringMatching(/no version segment/), suggestion: 'http://127.0.0.1:11434/v1' });
    expect(endpointUrlProblem('https://api.openai.com/v1/chat/completions')).toEqual({ message: expect.stringMatching(/request URL/), suggestion: 'https://api.openai.com/v1' });
    expect(endpointUrlProblem('ftp://x/v1')?.message).toMatch(/http/);
    expect(endpointUrlProblem('localhost:8000')?.message).toMatch(/http/);
  });
});

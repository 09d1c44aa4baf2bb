import { describe, expect, it } from 'vitest';
import { createOpenAICompatibleProvider, toRequestBody } from './openai-compatible';

describe('createOpenAICompatibleProvider options', () => {
  it('refuses a base URL that is not http(s), naming the field, without echoing the key', () => {
    expect(() => createOpenAICompatibleProvider({ baseURL: 'localhost:8080', apiKey: 'sk-secret-9' })).toThrow(/baseURL must be an http\(s\) URL/);
    expect(() => createOpenAICompatibleProvider({ baseURL: 'ftp://x/v1' })).toThrow(/baseURL/);
    expect(() => createOpenAICompatibleProvider({ baseURL: 'http://x/v1', apiKey: '' })).toThrow(/apiKey is empty/);
  });
});

describe('toRequestBody', () => {
  const messages = [{ role: 'user' as const, content: 'q' }];
  it('sends max_tokens and temperature for ordinary models', () => {
    expect(toRequestBody({ model: 'm', messages, maxTokens: 10, temperature: 0, seed: 1 })).toEqual({ model: 'm', messages, max_tokens: 10, temperature: 0, seed: 1 });
  });
  it('sends max_completion_tokens and no temperature for reasoning models', () => {
    expect(toRequestBody({ model: 'm', messages, maxTokens: 10, temperature: 0, reasoning: true })).toEqual({ model: 'm', messages, max_completion_tokens: 10 });
  });
  it('sends neither limit when none is set', () => {
    expect(toRequestBody({ model: 'm', messages })).toEqual({ model: 'm', messages });
  });
});

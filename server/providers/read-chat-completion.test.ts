import { describe, expect, it } from 'vitest';
import { readChatCompletion } from './read-chat-completion';

const limits = { maxResponseChars: 100 };

function completion(message: Record<string, unknown>, finishReason: string | null = 'stop', extra: Record<string, unknown> = {}) {
  return { id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason }], ...extra };
}

describe('readChatCompletion', () => {
  it('reads text, finish reason and usage', () => {
    const read = readChatCompletion(completion({ content: '42' }, 'stop', { usage: { prompt_tokens: 7, completion_tokens: 1, total_tokens: 8 } }), limits);
    expect(read).toEqual({ ok: true, text: '42', finishReason: 'stop', usage: { promptTokens: 7, completionTokens: 1 } });
  });

  it('keeps a <think> block in the text and puts reasoning_content in reasoning', () => {
    const read = readChatCompletion(completion({ content: '<think>hmm</think>42', reasoning_content: 'step by step' }), limits);
    expect(read).toMatchObject({ ok: true, text: '<think>hmm</think>42', reasoning: 'step by step' });
  });

  it('accepts the OpenRouter-style reasoning field and content given as parts', () => {
    const read = readChatCompletion(completion({ content: [{ type: 'text', text: '4' }, { type: 'text', text: '2' }], reasoning: 'r' }), limits);
    expect(read).toMatchObject({ ok: true, text: '42', reasoning: 'r' });
  });

  it('cuts a huge answer to the storage limit and says where', () => {
    const read = readChatCompletion(completion({ content: 'y'.repeat(250) }), limits);
    expect(read.ok && read.text.length).toBe(100);
    expect(read.ok && read.truncatedAt).toBe(100);
  });

  it('passes a top-level sawtooth object through as the extension and ignores other unknown fields', () => {
    const telemetry = { ticksUsed: 12, certainty: [0.2, 0.9], haltingTick: 11 };
    const read = readChatCompletion(completion({ content: '1' }, 'stop', { sawtooth: telemetry, system_fingerprint: 'x', weird: [1] }), limits);
    expect(read).toEqual({ ok: true, text: '1', finishReason: 'stop', extension: telemetry });
  });

  it.each([
    ['refusal field', completion({ content: null, refusal: 'I cannot help with that.' }), 'content_filter', /refused: "I cannot help with that\."/],
    ['content_filter finish', completion({ content: '' }, 'content_filter'), 'content_filter', /content filter/],
    ['empty content', completion({ content: '' }), 'empty_answer', /no answer text/],
    ['whitespace content', completion({ content: ' \n\t' }), 'empty_answer', /no answer text/],
    ['null content', completion({ content: null }), 'empty_answer', /no answer text/],
    ['length finish', completion({ content: 'The answer is' }, 'length'), 'truncated', /partial answer: "The answer is"/],
  ])('%s → %s', (_name, body, kind, message) => {
    const read = readChatCompletion(body, limits);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.kind).toBe(kind);
    expect(read.error.retryable).toBe(false);
    expect(read.error.message).toMatch(message);
  });

  it('keeps the reasoning of an empty answer', () => {
    const read = readChatCompletion(completion({ content: '', reasoning_content: 'I was thinking' }), limits);
    expect(read).toMatchObject({ ok: false, reasoning: 'I was thinking', error: { kind: 'empty_answer' } });
    expect(!read.ok && read.error.message).toMatch(/after 14 chars of reasoning/);
  });

  it('names the token limit of a cut-off answer and keeps the excerpt within 200 chars with head and tail', () => {
    const partial = `START ${'word '.repeat(200)} END`;
    const read = readChatCompletion(completion({ content: partial }, 'length', { usage: { prompt_tokens: 5, completion_tokens: 256 } }), {
      maxResponseChars: 100,
      requestedMaxTokens: 256,
    });
    if (read.ok) throw new Error('expected a failure');
    expect(read.error.message).toMatch(/256-token limit \(256 completion tokens\)/);
    const excerpt = /partial answer: "(.*)"$/.exec(read.error.message)?.[1] ?? '';
    expect(excerpt.length).toBeLessThanOrEqual(200);
    expect(excerpt.startsWith('START')).toBe(true);
    expect(excerpt.endsWith('END')).toBe(true);
    expect(read.usage).toEqual({ promptTokens: 5, completionTokens: 256 });
  });

  it('says "still reasoning" when a reasoning model ran out of tokens before answering', () => {
    const read = readChatCompletion(completion({ content: null, reasoning_content: 'think '.repeat(20) }, 'length'), limits);
    expect(!read.ok && read.error).toMatchObject({ kind: 'truncated' });
    expect(!read.ok && read.error.message).toMatch(/while still reasoning/);
  });

  it.each([
    ['a string', 'Internal Server Error'],
    ['no choices', { id: 'x', choices: [] }],
    ['choices of the wrong shape', { choices: [{ text: 'legacy completion' }] }],
    ['null', null],
  ])('classifies %s as a retryable malformed_response', (_name, body) => {
    const read = readChatCompletion(body, limits);
    expect(!read.ok && read.error).toMatchObject({ kind: 'malformed_response', retryable: true });
  });

  it('reads an error envelope inside an HTTP 200 body by its code', () => {
    const read = readChatCompletion({ error: { message: 'upstream overloaded', code: 503 } }, limits);
    expect(!read.ok && read.error).toMatchObject({ kind: 'server_error', retryable: true, status: 503 });
    const limited = readChatCompletion({ error: { message: 'slow down', code: 429 } }, limits);
    expect(!limited.ok && limited.error).toMatchObject({ kind: 'rate_limited', retryable: true });
    const vague = readChatCompletion({ error: { message: 'provider error', code: 'provider_failed' } }, limits);
    expect(!vague.ok && vague.error).toMatchObject({ kind: 'server_error', retryable: true });
  });
});

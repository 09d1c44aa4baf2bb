import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from './server';

let server: OpenAITestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const echo = (prompt: string) => `echo: ${prompt}`;
const sdk = (url: string, apiKey = 'sk-test') => new OpenAI({ baseURL: url, apiKey, maxRetries: 0, timeout: 5_000 });
const postChat = (url: string, body: unknown) =>
  fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('OpenAI test server', () => {
  it('answers a chat completion through the official SDK and records what it received', async () => {
    server = await startOpenAITestServer({ answer: echo });
    const completion = await sdk(server.url).chat.completions.create({ model: 'm1', messages: [{ role: 'user', content: 'hi' }], max_tokens: 9 });
    expect(completion.choices[0]?.message.content).toBe('echo: hi');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(server.requests()).toBe(1);
    expect(server.log()[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', model: 'm1', prompt: 'hi', body: { max_tokens: 9 } });
  });

  it('lists its models', async () => {
    server = await startOpenAITestServer({ answer: echo, models: ['a', 'b'] });
    const models = await sdk(server.url).models.list();
    expect(models.data.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('streams SSE chunks ending in [DONE], with usage on request', async () => {
    server = await startOpenAITestServer({ answer: () => 'a streamed answer', faults: [{ times: 1, fault: { type: 'reasoning', reasoning: 'thinking' } }] });
    const stream = await sdk(server.url).chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'go' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let content = '';
    let reasoning = '';
    let finish: string | null = null;
    let usage: unknown;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      content += choice?.delta.content ?? '';
      reasoning += (choice?.delta as { reasoning_content?: string } | undefined)?.reasoning_content ?? '';
      finish = choice?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(content).toBe('a streamed answer');
    expect(reasoning).toBe('thinking');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ completion_tokens: expect.any(Number) });
  });

  it('streams a malformed event that the SDK cannot parse', async () => {
    server = await startOpenAITestServer({ answer: echo, faults: [{ fault: { type: 'malformed' } }] });
    const stream = await sdk(server.url).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true });
    await expect(async () => {
      for await (const _chunk of stream) {
        // drain
      }
    }).rejects.toThrow();
  });

  it('rejects a request carrying both max_tokens and max_completion_tokens', async () => {
    server = await startOpenAITestServer({ answer: echo });
    const response = await postChat(server.url, { model: 'm', messages: [{ role: 'user', content: 'x' }], max_tokens: 5, max_completion_tokens: 5 });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/mutually exclusive/);
  });

  it('rejects a body without messages, and a body that is not JSON', async () => {
    server = await startOpenAITestServer({ answer: echo });
    expect((await postChat(server.url, { model: 'm' })).status).toBe(400);
    const notJson = await fetch(`${server.url}/chat/completions`, { method: 'POST', body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await fetch(`${server.url}/embeddings`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('requires the API key when told to, echoing the wrong one as OpenAI does', async () => {
    server = await startOpenAITestServer({ answer: echo, requireApiKey: 'sk-right' });
    const wrong = sdk(server.url, 'sk-wrong').chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    await expect(wrong).rejects.toMatchObject({ status: 401, message: expect.stringContaining('sk-wrong') });
    const right = await sdk(server.url, 'sk-right').chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(right.choices[0]?.message.content).toBe('echo: x');
  });

  it('sends the retry-after headers of a status fault, and setFaults replaces the rules', async () => {
    server = await startOpenAITestServer({ answer: echo, faults: [{ fault: { type: 'status', status: 429, retryAfter: '7', retryAfterMs: 1234 } }] });
    const limited = await postChat(server.url, { model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('retry-after-ms')).toBe('1234');
    server.setFaults([]);
    expect((await postChat(server.url, { model: 'm', messages: [{ role: 'user', content: 'x' }] })).status).toBe(200);
  });

  it('trickles a slow body in separate chunks', async () => {
    server = await startOpenAITestServer({ answer: echo, faults: [{ fault: { type: 'slow', chunkDelayMs: 40, chunks: 4 } }] });
    const response = await postChat(server.url, { model: 'm', messages: [{ role: 'user', content: 'x' }] });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let reads = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      reads += 1;
      text += decoder.decode(next.value, { stream: true });
    }
    expect(reads).toBe(4);
    expect((JSON.parse(text) as { choices: { message: { content: string } }[] }).choices[0]?.message.content).toBe('echo: x');
  });

  it('closes promptly while a timeout fault holds a request open', async () => {
    server = await startOpenAITestServer({ answer: echo, faults: [{ fault: { type: 'timeout' } }] });
    const hanging = postChat(server.url, { model: 'm', messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    server = undefined;
    expect(await hanging).toBeInstanceOf(Error);
  });
});

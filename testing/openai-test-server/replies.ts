import type { Fault } from './faults';

/** What the "model" says, before it is rendered as one JSON body or as SSE chunks. */
export interface Reply {
  content: string | null;
  finishReason: 'stop' | 'length' | 'content_filter';
  refusal?: string;
  reasoning?: string;
  /** Top-level `sawtooth` telemetry object, as our CTM server adds it. */
  extension?: unknown;
}

export const REFUSAL_TEXT = "I'm sorry, but I can't help with that.";
const FILLER = ' lorem ipsum dolor sit amet';

/** The reply for a request, given the model's answer and the fault (if any) that changes it. */
export function replyFor(answer: string, fault: Fault | undefined): Reply {
  switch (fault?.type) {
    case 'empty':
      return { content: '', finishReason: 'stop' };
    case 'length':
      return { content: fault.partial, finishReason: 'length' };
    case 'refusal':
      return { content: null, refusal: REFUSAL_TEXT, finishReason: 'stop' };
    case 'content_filter':
      return { content: null, finishReason: 'content_filter' };
    case 'huge':
      return { content: padTo(answer, fault.chars), finishReason: 'stop' };
    case 'reasoning':
      return { content: answer, reasoning: fault.reasoning, finishReason: 'stop' };
    default:
      return { content: answer, finishReason: 'stop' };
  }
}

function padTo(answer: string, chars: number): string {
  if (answer.length >= chars) return answer.slice(0, chars);
  const fill = FILLER.repeat(Math.ceil((chars - answer.length) / FILLER.length));
  return (answer + fill).slice(0, chars);
}

/** Rough token count (4 chars a token) so that clients have usage to read. */
const tokens = (text: string) => Math.ceil(text.length / 4);

let nextId = 0;
const newId = () => `chatcmpl-test-${(nextId++).toString(36)}`;
const created = () => Math.floor(Date.now() / 1000);

/** A complete chat.completion body. */
export function completionBody(reply: Reply, model: string, prompt: string): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: reply.content, refusal: reply.refusal ?? null };
  if (reply.reasoning !== undefined) message.reasoning_content = reply.reasoning;
  const completionTokens = tokens((reply.content ?? '') + (reply.reasoning ?? ''));
  return {
    id: newId(),
    object: 'chat.completion',
    created: created(),
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: reply.finishReason }],
    usage: { prompt_tokens: tokens(prompt), completion_tokens: completionTokens, total_tokens: tokens(prompt) + completionTokens },
    ...(reply.extension !== undefined && { sawtooth: reply.extension }),
  };
}

/**
 * The same reply as chat.completion.chunk events (without the final [DONE]): role, reasoning, refusal, content in a
 * few pieces, the finish reason, and usage when the client asked for it with stream_options.include_usage.
 */
export function streamChunks(reply: Reply, model: string, prompt: string, includeUsage: boolean): Record<string, unknown>[] {
  const id = newId();
  const at = created();
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    id,
    object: 'chat.completion.chunk',
    created: at,
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
  const chunks = [chunk({ role: 'assistant', content: '' })];
  if (reply.reasoning !== undefined) chunks.push(chunk({ reasoning_content: reply.reasoning }));
  if (reply.refusal !== undefined) chunks.push(chunk({ refusal: reply.refusal }));
  for (const piece of splitIntoPieces(reply.content ?? '', 3)) chunks.push(chunk({ content: piece }));
  chunks.push(chunk({}, reply.finishReason));
  if (!includeUsage) return chunks;
  const body = completionBody(reply, model, prompt);
  return [...chunks, { id, object: 'chat.completion.chunk', created: at, model, choices: [], usage: body.usage }];
}

function splitIntoPieces(text: string, count: number): string[] {
  if (text === '') return [];
  const size = Math.ceil(text.length / count);
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

import type { ChatFailure, ChatSuccess, ProviderError } from './types';
import { ChatCompletionBodySchema, ErrorEnvelopeSchema, messageText } from './chat-completion-body';
import { errorForStatus } from './classify-status';
import { previewText } from './preview';

export interface ReadLimits {
  /** Longer text (and reasoning) is cut to this many characters and `truncatedAt` is set. */
  maxResponseChars: number;
  /** The token limit the request asked for, named in a `truncated` message. */
  requestedMaxTokens?: number;
}

type Read = Omit<ChatSuccess, 'latencyMs'> | Omit<ChatFailure, 'latencyMs'>;

/**
 * Turns the body of an HTTP 200 chat completion into an answer or a classified error. Pure: no I/O.
 * Order matters: a refusal or filter beats a cut-off, a cut-off beats an empty answer (a reasoning model that spent
 * every token thinking should say "raise max tokens", not "empty").
 */
export function readChatCompletion(body: unknown, limits: ReadLimits): Read {
  const parsed = ChatCompletionBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: unreadableBody(body, parsed.error.issues[0]) };

  const { choices, usage: rawUsage, sawtooth } = parsed.data;
  const choice = choices[0]!;
  const text = messageText(choice.message.content);
  const finishReason = choice.finish_reason ?? null;
  const rawReasoning = choice.message.reasoning_content ?? choice.message.reasoning ?? undefined;
  const reasoning = rawReasoning ? rawReasoning.slice(0, limits.maxResponseChars) : undefined;
  const usage = rawUsage ? { promptTokens: rawUsage.prompt_tokens, completionTokens: rawUsage.completion_tokens } : undefined;
  const extras = { ...(reasoning !== undefined && { reasoning }), ...(usage && { usage }) };

  const refusal = choice.message.refusal;
  if (refusal) {
    return { ok: false, ...extras, error: failure('content_filter', `the model refused: "${previewText(refusal)}"`) };
  }
  if (finishReason === 'content_filter') {
    return { ok: false, ...extras, error: failure('content_filter', "the endpoint's content filter withheld the answer (finish_reason content_filter)") };
  }
  if (finishReason === 'length') {
    return { ok: false, ...extras, error: failure('truncated', describeCutOff(text, rawReasoning, limits.requestedMaxTokens, usage?.completionTokens)) };
  }
  if (text.trim() === '') {
    const why = rawReasoning ? ` after ${rawReasoning.length} chars of reasoning` : '';
    return { ok: false, ...extras, error: failure('empty_answer', `the model returned no answer text${why} (finish_reason ${finishReason ?? 'none'})`) };
  }

  const cut = text.length > limits.maxResponseChars;
  return {
    ok: true,
    text: cut ? text.slice(0, limits.maxResponseChars) : text,
    finishReason,
    ...extras,
    ...(cut && { truncatedAt: limits.maxResponseChars }),
    ...(sawtooth !== undefined && { extension: sawtooth }),
  };
}

function describeCutOff(text: string, reasoning: string | undefined, maxTokens: number | undefined, completionTokens: number | undefined): string {
  const limit = maxTokens !== undefined ? `the ${maxTokens}-token limit` : 'the token limit';
  const spent = completionTokens !== undefined ? ` (${completionTokens} completion tokens)` : '';
  if (text.trim() === '' && reasoning) {
    return `the model hit ${limit}${spent} while still reasoning (${reasoning.length} chars, no answer yet): raise max tokens`;
  }
  return `the model hit ${limit}${spent} after ${text.length} chars: raise max tokens; partial answer: "${previewText(text)}"`;
}

function unreadableBody(body: unknown, issue: { path: PropertyKey[]; message: string } | undefined): ProviderError {
  const envelope = ErrorEnvelopeSchema.safeParse(body);
  if (envelope.success) {
    const { message = 'no message', code } = envelope.data.error;
    const status = typeof code === 'number' ? code : Number.parseInt(code ?? '', 10);
    // A numeric code is an HTTP status in disguise; anything else is the gateway's own failure.
    if (Number.isInteger(status) && status >= 400) return { ...errorForStatus(status, `inside an HTTP 200 body: ${message}`), status };
    return failure('server_error', `the endpoint answered HTTP 200 with an error: ${previewText(message)}`, true);
  }
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  const shape = typeof body === 'string' ? `text "${previewText(body, 80)}"` : body === null || body === undefined ? 'nothing' : 'JSON';
  return failure(
    'malformed_response',
    `the endpoint answered HTTP 200 but not with a chat completion (${where}: ${issue?.message ?? 'unreadable'}; got ${shape})`,
    true,
  );
}

function failure(kind: ProviderError['kind'], message: string, retryable = false): ProviderError {
  return { kind, message, retryable };
}

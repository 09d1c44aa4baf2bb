import { z } from 'zod';

/** A message's content: a string or OpenAI's list of content parts (only text parts carry a prompt). */
const ContentSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
  z.null(),
]);

const MessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: ContentSchema.optional(),
});

/**
 * The part of an OpenAI chat-completions request this server reads. Unknown fields (temperature, max_tokens,
 * stream_options…) are accepted and ignored, as a real endpoint would; wrong types are 400s.
 */
export const ChatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(MessageSchema).min(1),
  stream: z.boolean().nullish(),
  /** Extension: the certainty at which a CTM stops thinking (default: the checkpoint card's). */
  sawtooth_halt_threshold: z.number().min(0).max(1).nullish(),
});
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

/** The prompt: the text of the last user message (null when there is none or it has no text). */
export function lastUserText(request: ChatRequest): string | null {
  const user = request.messages.findLast((m) => m.role === 'user');
  if (!user || user.content === undefined || user.content === null) return null;
  if (typeof user.content === 'string') return user.content;
  return user.content
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('\n');
}

/** OpenAI's error body. */
export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export function errorBody(message: string, type: string, param: string | null = null, code: string | null = null): ErrorBody {
  return { error: { message, type, param, code } };
}

/** The telemetry every answer carries at the top level of the response (ignored by other clients). */
export interface SawtoothExtension {
  arch: string;
  /** The checkpoint that answered (for router models, the one the prompt was routed to); null for a refusal. */
  checkpoint: string | null;
  task: string | null;
  /** The 1-based tick whose output is the answer (= the ticks it needed); 0 for a refusal. */
  ticksUsed: number;
  /** The same number under its older wire name, which server/providers reads; kept for that reader. */
  haltingTick: number;
  /** Ticks the model has. */
  ticks: number;
  certaintyPerTick: number[];
  threshold: number;
  /** Requests that shared the forward pass. */
  batchSize: number;
}

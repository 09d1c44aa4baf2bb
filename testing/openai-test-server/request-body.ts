import { z } from 'zod';

const ContentSchema = z.union([z.string(), z.array(z.object({ type: z.string(), text: z.string().optional() })), z.null()]);

/** The chat request fields the test server reads; others are accepted and recorded. */
export const ChatRequestBodySchema = z
  .object({
    model: z.string().min(1),
    messages: z.array(z.object({ role: z.string(), content: ContentSchema.optional() })).min(1),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
    max_tokens: z.number().int().positive().nullish(),
    max_completion_tokens: z.number().int().positive().nullish(),
    temperature: z.number().min(0).max(2).nullish(),
  })
  // OpenAI rejects the pair, and reasoning models reject max_tokens: catching it here catches a provider bug.
  .refine((body) => body.max_tokens == null || body.max_completion_tokens == null, {
    message: 'max_tokens and max_completion_tokens are mutually exclusive; send only one',
    path: ['max_completion_tokens'],
  });
export type ChatRequestBody = z.infer<typeof ChatRequestBodySchema>;

/** The prompt: the text of the last user message (what a fault rule's `match` and the `answer` function see). */
export function promptOf(body: ChatRequestBody): string {
  for (let i = body.messages.length - 1; i >= 0; i--) {
    const message = body.messages[i]!;
    if (message.role !== 'user') continue;
    const content = message.content;
    if (typeof content === 'string') return content;
    return (content ?? []).map((part) => part.text ?? '').join('');
  }
  return '';
}

import { z } from 'zod';

// The parts of an OpenAI chat.completion body that we read. Unknown fields are ignored (zod strips them), except a
// top-level `sawtooth` object: our local CTM server's telemetry, passed through untouched.

const ContentPartSchema = z.object({ type: z.string(), text: z.string().optional() });

const MessageSchema = z.object({
  // Some compatible servers send content as an array of parts; null when the model refused or only reasoned.
  content: z.union([z.string(), z.array(ContentPartSchema)]).nullish(),
  refusal: z.string().nullish(),
  // DeepSeek / vLLM call it reasoning_content; OpenRouter and newer vLLM call it reasoning.
  reasoning_content: z.string().nullish(),
  reasoning: z.string().nullish(),
});

const UsageSchema = z.object({ prompt_tokens: z.number(), completion_tokens: z.number() });

/** A chat.completion body. Usage and telemetry are optional and never make an answer unreadable. */
export const ChatCompletionBodySchema = z.object({
  choices: z.array(z.object({ message: MessageSchema, finish_reason: z.string().nullish() })).min(1),
  usage: UsageSchema.nullish().catch(undefined),
  sawtooth: z.record(z.string(), z.unknown()).optional().catch(undefined),
});
export type ChatCompletionBody = z.infer<typeof ChatCompletionBodySchema>;

/** Some gateways (OpenRouter, LiteLLM) answer HTTP 200 with `{ error: {...} }` instead of an error status. */
export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.union([z.number(), z.string()]).nullish(),
  }),
});

/** The message text, joining text parts when the server sent content as an array. */
export function messageText(content: ChatCompletionBody['choices'][number]['message']['content']): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => part.text ?? '').join('');
}

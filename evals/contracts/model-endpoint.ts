import { z } from 'zod';

export const MODEL_ARCHS = ['llm', 'ctm', 'transformer', 'lstm'] as const;

/**
 * True for text that looks like a secret rather than the name of a variable: a known key prefix (sk-, pk-, …) or a
 * long mixed-case/digit token. Used to refuse a pasted key before it is stored or sent anywhere.
 */
export function looksLikeApiKey(value: string): boolean {
  const v = value.trim();
  if (/^(sk|pk|rk|gsk|xai|hf|ghp|glpat|AIza|sess)[-_]/i.test(v)) return true;
  if (/^sk[a-z0-9]{16,}$/i.test(v)) return true;
  return v.length >= 32 && /[a-z]/.test(v) && /[0-9]/.test(v);
}

/** The NAME of the environment variable that holds an API key (never the key itself). */
export const ApiKeyEnvSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .superRefine((value, ctx) => {
    // The value is never echoed back: if it is a key, repeating it in an error would leak it into logs and screens.
    if (looksLikeApiKey(value)) {
      ctx.addIssue({ code: 'custom', message: 'this looks like an API key: give the NAME of the environment variable that holds it (e.g. OPENAI_API_KEY), never the key' });
    } else if (!/^[A-Z_][A-Z0-9_]*$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be the NAME of an environment variable: capital letters, digits and "_" (e.g. OPENAI_API_KEY)' });
    }
  });

/**
 * An OpenAI-compatible endpoint as a person enters it in the dashboard: what the `models` table stores for it.
 * Empty optional fields are null. The API key is given only by the name of its variable.
 */
export const ModelEndpointSchema = z.object({
  id: z
    .string()
    .trim()
    .min(1, 'required')
    .max(100)
    .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'letters, digits, ".", "_" and "-" only (e.g. gpt-4o-mini)'),
  label: z.string().trim().min(1, 'required').max(100),
  arch: z.enum(MODEL_ARCHS),
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL ending in the API version, e.g. https://api.openai.com/v1' }),
  modelName: z.string().trim().min(1, 'required').max(200),
  apiKeyEnv: ApiKeyEnvSchema.nullable(),
  temperature: z.number().min(0).max(2).nullable(),
  maxTokens: z.number().int('a whole number').positive().max(1_000_000).nullable(),
  systemPrompt: z.string().max(20_000).nullable(),
  reasoning: z.boolean(),
  /** USD per million tokens. */
  priceInput: z.number().nonnegative().max(10_000).nullable(),
  priceOutput: z.number().nonnegative().max(10_000).nullable(),
});
export type ModelEndpoint = z.infer<typeof ModelEndpointSchema>;

import { z } from 'zod';

/**
 * The one contract for a model endpoint. Three spellings of it exist and all are built here: the dashboard form and
 * the stored row (`ModelEndpointSchema`, `ModelRecord`), and an entry of sawtooth.config.json (`ModelConfigSchema`,
 * turned into a row by `modelRecordFromConfig`). db/schema/models.ts takes its enums from this file.
 */
export const MODEL_ARCHS = ['llm', 'ctm', 'transformer', 'lstm'] as const;
export type ModelArch = (typeof MODEL_ARCHS)[number];

/** Where a stored model came from: the config file, the dashboard, an import of outside results, `sawtooth eval`. */
export const MODEL_ORIGINS = ['config', 'ui', 'import', 'cli'] as const;
export type ModelOrigin = (typeof MODEL_ORIGINS)[number];

/** The rule for the NAME of an environment variable (the only way an API key is ever referred to). */
export const ENV_VAR_NAME = /^[A-Z_][A-Z0-9_]*$/;

const MODEL_ID = /^[a-z0-9][a-z0-9._-]*$/i;
const MODEL_ID_RULE = 'letters, digits, ".", "_" and "-" only';

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

/**
 * Why a variable may not be sent to an endpoint as its API key, or null when it may. A model's URL is chosen by
 * whoever can edit models, so the server would send the named variable's value wherever it points: only names that
 * are plainly API keys qualify (`*_API_KEY`, `*_API_TOKEN`), plus names the operator lists in `extraAllowed`
 * (SAWTOOTH_API_KEY_VARS, e.g. HF_TOKEN). Never the server's own `SAWTOOTH_*` secrets, never `PATH` or cloud
 * credentials such as AWS_SECRET_ACCESS_KEY.
 */
export function apiKeyVarProblem(name: string, extraAllowed: readonly string[] = []): string | null {
  if (name.startsWith('SAWTOOTH_')) return `"${name}" is one of Sawtooth's own settings, never an API key`;
  if (/^[A-Z][A-Z0-9_]*_API_(KEY|TOKEN)$/.test(name) || extraAllowed.includes(name)) return null;
  return `"${name}" is not plainly an API key variable: use a name ending in _API_KEY or _API_TOKEN, or list it in SAWTOOTH_API_KEY_VARS`;
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
    } else if (!ENV_VAR_NAME.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be the NAME of an environment variable: capital letters, digits and "_" (e.g. OPENAI_API_KEY)' });
    } else if (value.startsWith('SAWTOOTH_')) {
      ctx.addIssue({ code: 'custom', message: apiKeyVarProblem(value)! });
    }
  });

/**
 * What a model declares it can answer: family ids and/or whole domains (absent: everything). Probes outside it are
 * never sent, and their families show "not evaluated" (server/runner/model-scope.ts).
 */
export const ModelScopeSchema = z
  .object({
    families: z.array(z.string().min(1)).min(1).optional(),
    domains: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();
export type ModelScope = z.infer<typeof ModelScopeSchema>;

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
    .regex(MODEL_ID, `${MODEL_ID_RULE} (e.g. gpt-4o-mini)`),
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
  /** The model's declared scope; null or absent: the whole suite. */
  scope: ModelScopeSchema.nullable().optional(),
});
export type ModelEndpoint = z.infer<typeof ModelEndpointSchema>;

/** A stored model: an endpoint plus where it came from. Imported models have no endpoint to call (baseUrl null). */
export type ModelRecord = Omit<ModelEndpoint, 'baseUrl'> & { baseUrl: string | null; origin: ModelOrigin };

/** One endpoint in sawtooth.config.json. The API key is given by the NAME of an env var, never by value. */
export const ModelConfigSchema = z
  .object({
    id: z.string().regex(MODEL_ID, MODEL_ID_RULE),
    label: z.string().min(1).optional(),
    arch: z.enum(MODEL_ARCHS).default('llm'),
    baseURL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://api.openai.com/v1' }),
    model: z.string().min(1),
    apiKeyEnv: z.string().regex(ENV_VAR_NAME, 'must be the NAME of an environment variable (e.g. OPENAI_API_KEY), not a key').optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().max(1_000_000).optional(),
    systemPrompt: z.string().optional(),
    reasoning: z.boolean().default(false),
    /** The families (ids) and/or domains the model answers; probes outside them are never sent ("not evaluated"). */
    families: z.array(z.string().min(1)).min(1).optional(),
    domains: z.array(z.string().min(1)).min(1).optional(),
    price: z.object({ inputPerMTok: z.number().nonnegative(), outputPerMTok: z.number().nonnegative() }).optional(),
  })
  .strict();
export type ModelConfig = z.infer<typeof ModelConfigSchema>;
/** A config entry as code writes it (defaults may be left out). */
export type ModelConfigInput = z.input<typeof ModelConfigSchema>;

/** The stored row for a config entry (prices per million tokens; the key only by its variable's name). */
export function modelRecordFromConfig(m: ModelConfigInput, origin: ModelOrigin = 'config'): ModelRecord {
  return {
    id: m.id,
    label: m.label ?? m.id,
    arch: m.arch ?? 'llm',
    baseUrl: m.baseURL,
    modelName: m.model,
    apiKeyEnv: m.apiKeyEnv ?? null,
    temperature: m.temperature ?? null,
    maxTokens: m.maxTokens ?? null,
    systemPrompt: m.systemPrompt ?? null,
    reasoning: m.reasoning ?? false,
    priceInput: m.price?.inputPerMTok ?? null,
    priceOutput: m.price?.outputPerMTok ?? null,
    scope: m.families || m.domains ? { ...(m.families ? { families: m.families } : {}), ...(m.domains ? { domains: m.domains } : {}) } : null,
    origin,
  };
}

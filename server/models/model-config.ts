import { readFileSync, existsSync } from 'node:fs';
import { z } from 'zod';

/** One endpoint in sawtooth.config.json. The API key is given by the NAME of an env var, never by value. */
export const ModelConfigSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'letters, digits, ".", "_" and "-" only'),
    label: z.string().min(1).optional(),
    arch: z.enum(['llm', 'ctm', 'transformer', 'lstm']).default('llm'),
    baseURL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://api.openai.com/v1' }),
    model: z.string().min(1),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be the NAME of an environment variable (e.g. OPENAI_API_KEY), not a key')
      .optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().max(1_000_000).optional(),
    systemPrompt: z.string().optional(),
    reasoning: z.boolean().default(false),
    price: z.object({ inputPerMTok: z.number().nonnegative(), outputPerMTok: z.number().nonnegative() }).optional(),
  })
  .strict();
export type ModelConfig = z.infer<typeof ModelConfigSchema>;

export const SawtoothConfigSchema = z
  .object({
    $schema: z.string().optional(),
    models: z.array(ModelConfigSchema).default([]),
    /** Suites the main command evaluates every configured model on. */
    defaultSuites: z.array(z.string()).default(['core']),
    /** The local checkpoint server the main command starts (port, checkpoints folder). */
    localServer: z
      .object({ enabled: z.boolean().default(true), port: z.number().int().min(1).max(65535).default(8808), checkpoints: z.string().default('checkpoints') })
      .prefault({}),
  })
  .strict();
export type SawtoothConfig = z.infer<typeof SawtoothConfigSchema>;

export class ConfigError extends Error {}

/** Reads and validates the config file; a missing file is an empty config. Errors name the file and the field. */
export function loadConfig(file: string): SawtoothConfig {
  if (!existsSync(file)) return SawtoothConfigSchema.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = SawtoothConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const [i, model] of parsed.data.models.entries()) {
    if (ids.has(model.id)) throw new ConfigError(`${file}: models.${i}.id: duplicate model id "${model.id}"`);
    ids.add(model.id);
  }
  return parsed.data;
}

import { readFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { ModelConfigSchema } from '../../evals/contracts/model-endpoint';
import { apiKeyVarRefusal } from '../env';

export { ModelConfigSchema, type ModelConfig } from '../../evals/contracts/model-endpoint';

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
    const refusal = model.apiKeyEnv ? apiKeyVarRefusal(model.apiKeyEnv) : null;
    if (refusal) throw new ConfigError(`${file}: models.${i}.apiKeyEnv: ${refusal}`);
  }
  return parsed.data;
}

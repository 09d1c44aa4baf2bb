import type { Db } from '../../db/client';
import { models } from '../../db/schema';
import type { ModelConfig, SawtoothConfig } from './model-config';

/** The db row for a config entry (prices per million tokens; the key only by its variable's name). */
export function modelRowFromConfig(m: ModelConfig, origin: 'config' | 'cli' | 'ui' = 'config') {
  return {
    id: m.id,
    label: m.label ?? m.id,
    arch: m.arch,
    baseUrl: m.baseURL,
    modelName: m.model,
    apiKeyEnv: m.apiKeyEnv ?? null,
    temperature: m.temperature ?? null,
    maxTokens: m.maxTokens ?? null,
    systemPrompt: m.systemPrompt ?? null,
    reasoning: m.reasoning,
    priceInput: m.price?.inputPerMTok ?? null,
    priceOutput: m.price?.outputPerMTok ?? null,
    origin,
  };
}

/** Upserts one model; results and runs that point at it are untouched. */
export function upsertModel(db: Db, row: ReturnType<typeof modelRowFromConfig>): void {
  const { id: _id, ...rest } = row;
  db.insert(models).values(row).onConflictDoUpdate({ target: models.id, set: rest }).run();
}

/** Brings the config file's models into the database (the file wins for the models it names). */
export function syncConfigModels(db: Db, config: SawtoothConfig): void {
  db.transaction(() => {
    for (const m of config.models) upsertModel(db, modelRowFromConfig(m));
  });
}

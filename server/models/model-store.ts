import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { models } from '../../db/schema';
import { publicModelColumns } from '../explore/public-model';
import type { ModelEndpoint } from '../../evals/contracts';
import { readApiKey } from '../env';

export class ModelStoreError extends Error {
  constructor(
    message: string,
    readonly code: 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN',
  ) {
    super(message);
  }
}

/** The editable columns of a model; never a key, only the name of its variable. */
const endpointColumns = {
  ...publicModelColumns,
  temperature: models.temperature,
  maxTokens: models.maxTokens,
  systemPrompt: models.systemPrompt,
  reasoning: models.reasoning,
  priceInput: models.priceInput,
  priceOutput: models.priceOutput,
  scope: models.scope,
};

/**
 * Every model for the Models page, with whether its key variable is set in the server's environment (a yes/no,
 * never the value) and how many runs it has.
 */
export function listAdminModels(db: Db) {
  const runCounts = new Map(
    (db.$client.prepare('SELECT model_id AS id, count(*) AS n FROM runs GROUP BY model_id').all() as Array<{ id: string; n: number }>).map((r) => [r.id, r.n]),
  );
  return db
    .select(endpointColumns)
    .from(models)
    .orderBy(models.label)
    .all()
    .map((m) => ({ ...m, keyVarSet: m.apiKeyEnv ? readApiKey(m.apiKeyEnv) !== undefined : null, runs: runCounts.get(m.id) ?? 0 }));
}

export function getAdminModel(db: Db, id: string) {
  return db.select(endpointColumns).from(models).where(eq(models.id, id)).get();
}

function rowOf(endpoint: ModelEndpoint) {
  return { ...endpoint, systemPrompt: endpoint.systemPrompt && endpoint.systemPrompt.trim() !== '' ? endpoint.systemPrompt : null };
}

/** Adds a model made in the dashboard. An existing id is a conflict (ids are how results find their model). */
export function createModel(db: Db, endpoint: ModelEndpoint): void {
  if (getAdminModel(db, endpoint.id)) throw new ModelStoreError(`a model with id "${endpoint.id}" already exists`, 'CONFLICT');
  db.insert(models).values({ ...rowOf(endpoint), origin: 'ui' }).run();
}

/**
 * Edits a model. Models from sawtooth.config.json are read-only here: the file is synced into the database at
 * every start, so an edit made in the dashboard would silently disappear at the next restart.
 */
export function updateModel(db: Db, endpoint: ModelEndpoint): void {
  const existing = getAdminModel(db, endpoint.id);
  if (!existing) throw new ModelStoreError(`model "${endpoint.id}" not found`, 'NOT_FOUND');
  if (existing.origin === 'config') {
    throw new ModelStoreError(`model "${endpoint.id}" comes from the config file: edit it there (the file wins at every start)`, 'FORBIDDEN');
  }
  const { id, ...rest } = rowOf(endpoint);
  db.update(models).set(rest).where(eq(models.id, id)).run();
}

export type AdminModel = ReturnType<typeof listAdminModels>[number];

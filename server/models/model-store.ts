import type { SqlRunner } from '../../db/store';
import { adminModelRow, adminModelRows, insertUiModel, runCountsByModel, updateModelColumns } from '../../db/queries/model-admin';
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

/**
 * Every model for the Models page, with whether its key variable is set in the server's environment (a yes/no,
 * never the value) and how many runs it has.
 */
export async function listAdminModels(db: SqlRunner) {
  const runCounts = await runCountsByModel(db);
  return (await adminModelRows(db)).map((m) => ({ ...m, keyVarSet: m.apiKeyEnv ? readApiKey(m.apiKeyEnv) !== undefined : null, runs: runCounts.get(m.id) ?? 0 }));
}

export async function getAdminModel(db: SqlRunner, id: string) {
  return adminModelRow(db, id);
}

function rowOf(endpoint: ModelEndpoint) {
  return { ...endpoint, systemPrompt: endpoint.systemPrompt && endpoint.systemPrompt.trim() !== '' ? endpoint.systemPrompt : null };
}

/** Adds a model made in the dashboard. An existing id is a conflict (ids are how results find their model). */
export async function createModel(db: SqlRunner, endpoint: ModelEndpoint): Promise<void> {
  if (await getAdminModel(db, endpoint.id)) throw new ModelStoreError(`a model with id "${endpoint.id}" already exists`, 'CONFLICT');
  const { id, ...columns } = rowOf(endpoint);
  await insertUiModel(db, id, columns);
}

/**
 * Edits a model. Models from sawtooth.config.json are read-only here: the file is synced into the database at
 * every start, so an edit made in the dashboard would silently disappear at the next restart.
 */
export async function updateModel(db: SqlRunner, endpoint: ModelEndpoint): Promise<void> {
  const existing = await getAdminModel(db, endpoint.id);
  if (!existing) throw new ModelStoreError(`model "${endpoint.id}" not found`, 'NOT_FOUND');
  if (existing.origin === 'config') {
    throw new ModelStoreError(`model "${endpoint.id}" comes from the config file: edit it there (the file wins at every start)`, 'FORBIDDEN');
  }
  const { id, ...rest } = rowOf(endpoint);
  await updateModelColumns(db, id, rest);
}

export type AdminModel = Awaited<ReturnType<typeof listAdminModels>>[number];

import type { SqlRunner } from '../../db/store';
import { activeRunIds, deleteModelRows, setModelLabel } from '../../db/queries/removals';
import { getAdminModel, ModelStoreError } from './model-store';

/**
 * Removes a model with all its runs and results, so it leaves the leaderboard, its page, compare and every export.
 * Refused for a model from sawtooth.config.json (the file would bring it back at the next start) and while one of
 * its runs is queued or running (cancel it first: a worker may be writing its results).
 */
export async function removeModel(db: SqlRunner, id: string): Promise<{ runs: number; results: number }> {
  const model = await getAdminModel(db, id);
  if (!model) throw new ModelStoreError(`model "${id}" not found`, 'NOT_FOUND');
  if (model.origin === 'config') {
    throw new ModelStoreError(`model "${id}" comes from the config file: remove it from sawtooth.config.json (the file wins at every start)`, 'FORBIDDEN');
  }
  const active = await activeRunIds(db, { modelId: id });
  if (active.length > 0) {
    throw new ModelStoreError(`model "${id}" has ${active.length === 1 ? 'a run' : 'runs'} in progress (${active.map((r) => `#${r}`).join(', ')}): cancel ${active.length === 1 ? 'it' : 'them'} first`, 'CONFLICT');
  }
  return deleteModelRows(db, id);
}

/** Renames a model's display name; its id (in URLs, exports and `--model`) stays. */
export async function renameModel(db: SqlRunner, id: string, label: string): Promise<void> {
  const text = label.trim();
  if (text === '') throw new ModelStoreError('a model name cannot be empty', 'CONFLICT');
  const model = await getAdminModel(db, id);
  if (!model) throw new ModelStoreError(`model "${id}" not found`, 'NOT_FOUND');
  if (model.origin === 'config') {
    throw new ModelStoreError(`model "${id}" comes from the config file: rename it there (its "label")`, 'FORBIDDEN');
  }
  await setModelLabel(db, id, text);
}

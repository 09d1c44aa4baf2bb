import { upsertModel } from '../../db/queries/models';
import type { SqlRunner } from '../../db/store';
import { modelRecordFromConfig } from '../../evals/contracts/model-endpoint';
import type { SawtoothConfig } from './model-config';

// Callers that store one model (tests, `sawtooth eval`, benches) import it from here, next to the config sync.
export { upsertModel };

/** Brings the config file's models into the database (the file wins for the models it names), all-or-nothing. */
export async function syncConfigModels(store: SqlRunner, config: SawtoothConfig): Promise<void> {
  await store.transaction(async (tx) => {
    for (const m of config.models) await upsertModel(tx, modelRecordFromConfig(m));
  });
}

import { transaction, type Db } from '../../db/client';
import { storeModel, upsertModel } from '../../db/queries/models';
import type { Store } from '../../db/store';
import { modelRecordFromConfig } from '../../evals/contracts/model-endpoint';
import type { SawtoothConfig } from './model-config';

// Callers that store one model (tests, `sawtooth eval`, benches) import it from here, next to the config sync.
export { upsertModel };

/** Brings the config file's models into the database (the file wins for the models it names). */
export function syncConfigModels(db: Db, config: SawtoothConfig): void {
  transaction(db, () => {
    for (const m of config.models) upsertModel(db, modelRecordFromConfig(m));
  })();
}

/** The same through the store (either engine), all-or-nothing. */
export async function syncConfigModelsToStore(store: Store, config: SawtoothConfig): Promise<void> {
  await store.transaction(async (tx) => {
    for (const m of config.models) await storeModel(tx, modelRecordFromConfig(m));
  });
}

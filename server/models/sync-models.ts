import { transaction, type Db } from '../../db/client';
import { upsertModel } from '../../db/queries/models';
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

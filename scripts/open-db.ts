import { ConfigError, loadConfig, type SawtoothConfig } from '../server/models/model-config';
import { syncConfigModels } from '../server/models/sync-models';
import { openStore, type Store } from '../db/store';
import { withCheckpointPort } from '../server/models/checkpoint-port';
import { databaseTarget, env } from '../server/env';
import { CliError } from './command';

/**
 * The CLI's store and config: SAWTOOTH_DATABASE_URL (PostgreSQL) when set, else SAWTOOTH_DB (SQLite); config models
 * synced in. A database that cannot be opened is a one-line error naming where it pointed.
 */
export async function openCliStore(opts: { checkpointPort?: number } = {}): Promise<{ store: Store; config: SawtoothConfig }> {
  let config: SawtoothConfig;
  try {
    config = withCheckpointPort(loadConfig(env().SAWTOOTH_CONFIG), opts.checkpointPort ?? env().SAWTOOTH_CHECKPOINT_PORT);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  let store: Store;
  try {
    store = await openStore(databaseTarget());
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  await syncConfigModels(store, config);
  return { store, config };
}

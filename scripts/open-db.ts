import type { Db } from '../db/client';
import { openDb } from '../db/client';
import { ConfigError, loadConfig, type SawtoothConfig } from '../server/models/model-config';
import { syncConfigModels } from '../server/models/sync-models';
import { withCheckpointPort } from '../server/models/checkpoint-port';
import { env } from '../server/env';
import { CliError } from './command';

/** The CLI's database and config: SAWTOOTH_DB / SAWTOOTH_CONFIG or the defaults, config models synced in (local models at the checkpoint port in use). */
export function openCliDb(opts: { checkpointPort?: number } = {}): { db: Db; config: SawtoothConfig } {
  let config: SawtoothConfig;
  try {
    config = withCheckpointPort(loadConfig(env().SAWTOOTH_CONFIG), opts.checkpointPort ?? env().SAWTOOTH_CHECKPOINT_PORT);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  const db = openDb(env().SAWTOOTH_DB);
  syncConfigModels(db, config);
  return { db, config };
}

import { openDb, type Db } from '../db/client';
import { loadConfig } from './models/model-config';
import { syncConfigModels } from './models/sync-models';
import { withCheckpointPort } from './models/checkpoint-port';
import { env } from './env';

const globalForDb = globalThis as unknown as { sawtoothDb?: Db };

/**
 * The server process's database handle: opened (and migrated) once, with the config file's models synced in.
 * Kept on globalThis so that Next's dev reloads reuse it instead of leaking connections.
 */
export function serverDb(): Db {
  if (!globalForDb.sawtoothDb) {
    const db = openDb(env().SAWTOOTH_DB);
    syncConfigModels(db, withCheckpointPort(loadConfig(env().SAWTOOTH_CONFIG), env().SAWTOOTH_CHECKPOINT_PORT));
    globalForDb.sawtoothDb = db;
  }
  return globalForDb.sawtoothDb;
}

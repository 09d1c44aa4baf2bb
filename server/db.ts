import { openDb, type Db } from '../db/client';
import { openPgStore, sqliteStore, type Store } from '../db/store';
import { loadConfig } from './models/model-config';
import { syncConfigModels, syncConfigModelsToStore } from './models/sync-models';
import { withCheckpointPort } from './models/checkpoint-port';
import { env } from './env';

const globalForDb = globalThis as unknown as { sawtoothDb?: Db; sawtoothStore?: Promise<Store> };

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

/**
 * The server process's store: the PostgreSQL database when SAWTOOTH_DATABASE_URL is set, else the SQLite file
 * (the same connection as serverDb). Opened once per process, like serverDb.
 */
export function serverStore(): Promise<Store> {
  globalForDb.sawtoothStore ??= openServerStore().catch((error: unknown) => {
    // A failed open (server down, bad password) is retried on the next request rather than remembered.
    globalForDb.sawtoothStore = undefined;
    throw error;
  });
  return globalForDb.sawtoothStore;
}

async function openServerStore(): Promise<Store> {
  const url = env().SAWTOOTH_DATABASE_URL;
  if (!url) return sqliteStore(serverDb());
  const store = await openPgStore(url);
  // The config file's models, as serverDb syncs them into SQLite.
  await syncConfigModelsToStore(store, withCheckpointPort(loadConfig(env().SAWTOOTH_CONFIG), env().SAWTOOTH_CHECKPOINT_PORT));
  return store;
}

import { openDb, type Db } from '../db/client';
import { openPgStore, sqliteStore, type Store } from '../db/store';
import { loadConfig } from './models/model-config';
import { syncConfigModels } from './models/sync-models';
import { withCheckpointPort } from './models/checkpoint-port';
import { env } from './env';

const globalForDb = globalThis as unknown as { sawtoothDb?: Db; sawtoothStore?: Promise<Store> };

/**
 * The server process's SQLite connection, for code not yet on the store (serverStore): opened (and migrated) once.
 * Kept on globalThis so that Next's dev reloads reuse it instead of leaking connections. The config file's models
 * are synced in when the store opens; the first call starts that, so a process that only ever asks for the
 * connection (the worker at boot) still gets them.
 */
export function serverDb(): Db {
  if (!globalForDb.sawtoothDb) {
    const db = sqliteConnection();
    if (!env().SAWTOOTH_DATABASE_URL) {
      serverStore().catch((error: unknown) => console.error(`sawtooth: syncing the config file's models failed: ${(error as Error).message}`));
    }
    return db;
  }
  return globalForDb.sawtoothDb;
}

function sqliteConnection(): Db {
  globalForDb.sawtoothDb ??= openDb(env().SAWTOOTH_DB);
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
  const store = url ? await openPgStore(url) : sqliteStore(sqliteConnection());
  await syncConfigModels(store, withCheckpointPort(loadConfig(env().SAWTOOTH_CONFIG), env().SAWTOOTH_CHECKPOINT_PORT));
  return store;
}

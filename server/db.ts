import { openDb, type Db } from '../db/client';
import { openPgStore, sqliteStore, type Store } from '../db/store';
import { loadConfig } from './models/model-config';
import { syncConfigModels } from './models/sync-models';
import { withCheckpointPort } from './models/checkpoint-port';
import { env } from './env';

const globalForDb = globalThis as unknown as { sawtoothDb?: Db; sawtoothStore?: Promise<Store> };

/** The SQLite file of this process (opened and migrated once; kept on globalThis so Next's dev reloads reuse it). */
function sqliteConnection(): Db {
  globalForDb.sawtoothDb ??= openDb(env().SAWTOOTH_DB);
  return globalForDb.sawtoothDb;
}

/**
 * The server process's store: the PostgreSQL database when SAWTOOTH_DATABASE_URL is set, else the SQLite file
 * (one connection, on globalThis). Opened once per process; the config file's models are synced in when it opens.
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

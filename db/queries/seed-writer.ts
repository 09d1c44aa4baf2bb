import type { Store } from '../store/store';
import type { SeedWriter } from './seed-results';
import { pgSeedWriter } from './seed-writer-pg';
import { sqliteSeedWriter } from './seed-writer-sqlite';

/** The bulk writer of `sawtooth seed` for this store's engine; `rows`: how many results will come (PostgreSQL picks its load plan by it). */
export async function openSeedWriter(store: Store, rows: number): Promise<SeedWriter> {
  return store.dialect === 'pg' ? pgSeedWriter(store, rows) : sqliteSeedWriter(store);
}

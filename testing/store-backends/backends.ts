import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openPgStore } from '../../db/store/pg-store';
import { openSqliteStore } from '../../db/store/sqlite-store';
import type { Dialect, Store } from '../../db/store/store';
import { INSTALL_HINT } from '../postgres/server-binaries';

/** A fresh, migrated, empty database of one backend, and how to reach it from a child process. */
export interface TestDatabase {
  dialect: Dialect;
  store: Store;
  /** What SAWTOOTH_DATABASE_URL (PostgreSQL) or SAWTOOTH_DB (SQLite) is set to, for CLI children. */
  target: string;
  /** The environment a child process needs to open this same database. */
  env: Record<string, string>;
  /** Closes the store and drops the database (or removes the file's folder). */
  drop(): Promise<void>;
}

/** Runs one statement on the cluster's `postgres` database (creating and dropping test databases). */
export async function adminQuery(templateUrl: string, text: string): Promise<void> {
  const url = new URL(templateUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A new database on `dialect`, migrated: a SQLite file in a temp folder, or a copy of the run's PostgreSQL template. */
export async function freshDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-store-'));
    const file = path.join(dir, 'test.db');
    const store = openSqliteStore(file);
    return {
      dialect,
      store,
      target: file,
      env: { SAWTOOTH_DB: file },
      async drop() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const templateUrl = inject('pgTemplateUrl');
  if (!templateUrl) throw new Error(`no PostgreSQL for this test: ${INSTALL_HINT}`);
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template = new URL(templateUrl).pathname.slice(1);
  await adminQuery(templateUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const store = await openPgStore(url.toString(), { migrate: false });
  return {
    dialect,
    store,
    target: url.toString(),
    env: { SAWTOOTH_DATABASE_URL: url.toString() },
    async drop() {
      await store.close();
      await adminQuery(templateUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

let warned = false;

/** The backends a test can run on here: SQLite always, PostgreSQL when the run started a cluster. */
export function availableDialects(): Dialect[] {
  if (inject('pgTemplateUrl')) return ['sqlite', 'pg'];
  if (!warned) {
    warned = true;
    console.warn(`\n!!! SKIPPING the PostgreSQL side of the two-backend tests: ${INSTALL_HINT} !!!\n`);
  }
  return ['sqlite'];
}

/**
 * `describe` once per backend (its name says which). Inside, open a database with `freshDatabase(dialect)`. Without
 * PostgreSQL binaries the PostgreSQL block is reported as skipped, never silently absent.
 */
export function describeEachBackend(name: string, body: (dialect: Dialect) => void): void {
  const available = availableDialects();
  for (const dialect of ['sqlite', 'pg'] as const) {
    (available.includes(dialect) ? describe : describe.skip)(`${name} [${dialect === 'pg' ? 'PostgreSQL' : 'SQLite'}]`, () => body(dialect));
  }
}

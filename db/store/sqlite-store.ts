import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { closeDb, openDb, type Db } from '../client';
import type { SqlRunner, Store } from './store';

const dialect = new SQLiteSyncDialect();

/** Prepared statements kept per connection, by SQL text (the recorder runs the same insert once per result). */
const STATEMENT_CACHE_SIZE = 256;

/** better-sqlite3 binds numbers, strings, bigints, buffers and null: booleans become 1/0 as SQLite stores them. */
function bindable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  return value;
}

/**
 * One connection is one transaction at a time, but an async transaction yields between its statements: without a
 * gate, another caller's statement would run inside it (and be rolled back with it). Statements outside a transaction
 * wait while one is open; when none is, they run at once (no extra turn of the event loop). The check and what
 * follows it run in the same turn (no await between them), so nothing slips in between.
 */
class TransactionGate {
  /** Settles when the open transaction ends; null when none is open. */
  open: Promise<void> | null = null;
}

class SqliteRunner implements SqlRunner {
  readonly dialect = 'sqlite' as const;

  constructor(
    protected readonly client: Database.Database,
    private readonly statements: Map<string, Database.Statement>,
    private readonly gate: TransactionGate,
    /** 0 outside a transaction; n inside the n-th level (savepoints beyond the first). */
    private readonly depth: number,
  ) {}

  private prepare(query: SQL): { statement: Database.Statement; params: unknown[] } {
    const { sql, params } = dialect.sqlToQuery(query);
    let statement = this.statements.get(sql);
    if (statement) {
      // Most recently used last, so the oldest is the one evicted.
      this.statements.delete(sql);
    } else {
      statement = this.client.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return { statement, params: params.map(bindable) };
  }

  async all<T>(query: SQL): Promise<T[]> {
    if (this.depth === 0) while (this.gate.open) await this.gate.open;
    const { statement, params } = this.prepare(query);
    return statement.all(...params) as T[];
  }

  async get<T>(query: SQL): Promise<T | undefined> {
    if (this.depth === 0) while (this.gate.open) await this.gate.open;
    const { statement, params } = this.prepare(query);
    return statement.get(...params) as T | undefined;
  }

  async run(query: SQL): Promise<number> {
    if (this.depth === 0) while (this.gate.open) await this.gate.open;
    const { statement, params } = this.prepare(query);
    return statement.run(...params).changes;
  }

  async transaction<R>(fn: (tx: SqlRunner) => Promise<R>): Promise<R> {
    const inner = new SqliteRunner(this.client, this.statements, this.gate, this.depth + 1);
    if (this.depth > 0) {
      const name = `sp${this.depth}`;
      this.client.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn(inner);
        this.client.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        this.client.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw error;
      }
    }
    while (this.gate.open) await this.gate.open;
    let release!: () => void;
    this.gate.open = new Promise((resolve) => (release = resolve));
    try {
      // IMMEDIATE takes the write lock at the start: two processes never deadlock upgrading a read lock.
      this.client.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(inner);
        this.client.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.client.inTransaction) this.client.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.gate.open = null;
      release();
    }
  }
}

class SqliteStore extends SqliteRunner implements Store {
  constructor(
    readonly db: Db,
    readonly location: string,
  ) {
    super(db.$client, new Map(), new TransactionGate(), 0);
  }

  async close(): Promise<void> {
    closeDb(this.db);
  }
}

/**
 * One store per connection, process-wide: a bundler may load this module twice (Next puts the dashboard's worker and
 * its routes in separate bundles), and two stores over one connection would hold two gates, letting a statement of
 * one into the other's transaction. So the map lives on globalThis under a registered symbol, not in module scope.
 */
const STORES = Symbol.for('sawtooth.sqliteStoresByDb');
const storesByDb: WeakMap<Db, SqliteStore> = ((globalThis as Record<symbol, unknown>)[STORES] ??= new WeakMap()) as WeakMap<Db, SqliteStore>;

/** The store over an open SQLite connection (one per connection, so they share its statement cache and gate). */
export function sqliteStore(db: Db): Store {
  let store = storesByDb.get(db);
  if (!store) {
    store = new SqliteStore(db, db.$client.name);
    storesByDb.set(db, store);
  }
  return store;
}

/** Opens (creating and migrating on first use) the SQLite file at `file` as a store. */
export function openSqliteStore(file: string): Store {
  return sqliteStore(openDb(file));
}

/**
 * The SQLite connection under a store, for what only SQLite has (its page-cache pragma, test fixtures that set up
 * SQLite-specific faults). Throws on PostgreSQL, naming what asked.
 */
export function sqliteDbOf(store: Store, what: string): Db {
  // By shape, not instanceof: the store may come from another bundle's copy of this module (see STORES).
  if (store.dialect === 'sqlite' && 'db' in store) return (store as SqliteStore).db;
  throw new Error(`${what} needs the SQLite engine, not PostgreSQL`);
}

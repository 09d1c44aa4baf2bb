import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { migratePgPool } from '../pg/client';
import { describePgError, redactUrl } from '../pg/pg-errors';
import type { SqlRunner, Store } from './store';

const dialect = new PgDialect();

const { builtins } = pg.types;

/**
 * Rows read alike from both engines (see Store): node-postgres would give bigints and numerics as strings (they may
 * exceed 2^53; ours are epoch milliseconds, counts and sums far below it), JSON parsed (SQLite gives the text, and the
 * queries parse it where they validate it) and booleans as true/false (SQLite stores 1/0).
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    switch (oid) {
      case builtins.INT8:
      case builtins.NUMERIC:
        return (value: string) => Number(value);
      case builtins.JSON:
      case builtins.JSONB:
        return (value: string) => value;
      case builtins.BOOL:
        return (value: string) => (value === 't' ? 1 : 0);
      default:
        return pg.types.getTypeParser(oid, format);
    }
  }) as pg.CustomTypesConfig['getTypeParser'],
};

type Queryable = pg.Pool | pg.PoolClient;

class PgRunner implements SqlRunner {
  readonly dialect = 'pg' as const;

  constructor(
    protected readonly target: Queryable,
    /** 0: the pool (each statement on any connection); n: inside a transaction on one client, n-th level. */
    private readonly depth: number,
  ) {}

  private async query(query: SQL): Promise<pg.QueryResult> {
    const { sql, params } = dialect.sqlToQuery(query);
    return this.target.query(sql, params);
  }

  async all<T>(query: SQL): Promise<T[]> {
    return (await this.query(query)).rows as T[];
  }

  async get<T>(query: SQL): Promise<T | undefined> {
    return (await this.query(query)).rows[0] as T | undefined;
  }

  async run(query: SQL): Promise<number> {
    return (await this.query(query)).rowCount ?? 0;
  }

  async transaction<R>(fn: (tx: SqlRunner) => Promise<R>): Promise<R> {
    if (this.depth > 0) {
      const name = `sp${this.depth}`;
      const inner = new PgRunner(this.target, this.depth + 1);
      await this.target.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(inner);
        await this.target.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await this.target.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    }
    const client = await (this.target as pg.Pool).connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        const result = await fn(new PgRunner(client, 1));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      }
    } finally {
      // A connection whose rollback failed is in an unknown state: the pool destroys it instead of reusing it.
      client.release(broken);
    }
  }
}

class PgStore extends PgRunner implements Store {
  constructor(
    readonly pool: pg.Pool,
    readonly location: string,
  ) {
    super(pool, 0);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** postgres://user:secret@host/db → postgres://user:***@host/db, for messages. */
export const redactPostgresUrl = redactUrl;

/** Whether a database target names PostgreSQL (a postgres:// or postgresql:// URL) rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export interface PgStoreOptions {
  /** Connections in the pool (a dashboard serves pages while its worker records results). */
  maxConnections?: number;
  /** Bring the schema up to the committed migrations first (default true). */
  migrate?: boolean;
}

/** Connects to the PostgreSQL database at `url` (migrating it unless told not to) as a store. */
export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<Store> {
  // A server that never answers fails in 10 s with a message instead of hanging the command.
  // Idle connections are kept for minutes (node-postgres closes them after 10 s by default): a quiet dashboard's next
  // page would otherwise pay a new connection's handshake and authentication per statement it runs in parallel.
  const pool = new pg.Pool({ connectionString: url, types, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 300_000, max: options.maxConnections ?? 8 });
  // An idle pooled connection that the server drops must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    if (options.migrate ?? true) await migratePgPool(pool);
  } catch (error) {
    await pool.end();
    throw new Error(describePgError(error, url), { cause: error });
  }
  return new PgStore(pool, redactPostgresUrl(url));
}

/** The pool under a PostgreSQL store (the queue library and bulk copies use it directly), or null for SQLite. */
export function pgPoolOf(store: Store): pg.Pool | null {
  // By shape, not instanceof: the store may come from another bundle's copy of this module.
  return store.dialect === 'pg' && 'pool' in store ? (store as PgStore).pool : null;
}

import type { SQL } from 'drizzle-orm';

/** The two engines a store runs on: the embedded SQLite file (default) or a shared PostgreSQL database. */
export type Dialect = 'sqlite' | 'pg';

/**
 * What every query in db/queries runs statements through: one async interface for both engines. A statement is a
 * drizzle `sql` template (parameters are bound, never spliced); the engine renders its own placeholders. The few
 * places where the two SQL dialects differ are the named helpers of ./dialect-sql.ts.
 *
 * Row objects come back alike from both engines: camelCase aliases must be double-quoted (`AS "modelId"`: PostgreSQL
 * folds unquoted names to lower case); integers, bigints and numerics read as numbers, JSON columns as their text,
 * booleans as 1/0 (SQLite's own representation).
 */
export interface SqlRunner {
  readonly dialect: Dialect;
  /** Every row of a query. */
  all<T>(query: SQL): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(query: SQL): Promise<T | undefined>;
  /** Runs a write; returns how many rows it changed. */
  run(query: SQL): Promise<number>;
  /**
   * Runs `fn` all-or-nothing: committed when it resolves, rolled back when it throws. Every statement of the
   * transaction must go through `tx` (the outer runner waits until the transaction ends). Nested, it is a savepoint.
   */
  transaction<R>(fn: (tx: SqlRunner) => Promise<R>): Promise<R>;
}

/** An open database: the runner plus what its owner needs to describe and close it. */
export interface Store extends SqlRunner {
  /** Where it points, for messages (a file path, or the PostgreSQL URL without its password). */
  readonly location: string;
  close(): Promise<void>;
}

import type { PoolClient } from 'pg';
import { dropForBulkLoad } from '../pg/copy/bulk-load';
import { pgPoolOf } from '../store/pg-store';
import type { Store } from '../store/store';
import type { RunCounters, SeedResultRow, SeedRun, SeedWriter } from './seed-results';

/** Run ids taken from the runs' identity sequence at a time (a seed makes about one run per thousand results). */
const RUN_IDS_AT_ONCE = 1024;

/** Column arrays of the results insert, in the order of SeedResultRow, with the type each is sent as. */
const RESULT_COLUMNS = [
  ['run_id', 'int'], ['model_id', 'text'], ['probe_key', 'int'], ['family_id', 'text'], ['domain', 'text'], ['tier', 'text'],
  ['sample', 'int'], ['outcome', 'text'], ['error_kind', 'text'], ['response', 'text'], ['extracted', 'text'], ['reason', 'text'],
  ['latency_ms', 'int'], ['prompt_tokens', 'int'], ['completion_tokens', 'int'], ['cost_usd', 'float8'], ['ticks', 'int'], ['created_at', 'int8'],
] as const;

/**
 * One statement per batch: every column as ONE array parameter, turned back into rows by unnest (a round trip and a
 * plan per 50,000 rows instead of per row).
 */
const INSERT_RESULTS = `INSERT INTO results (${RESULT_COLUMNS.map(([c]) => c).join(', ')})
  SELECT * FROM unnest(${RESULT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;

const INSERT_RUNS = `INSERT INTO runs (id, model_id, suite_key, status, settings, samples, expected, pass_count, fail_count, error_count, cost_usd,
    origin, created_at, started_at, finished_at)
  SELECT id, model_id, suite_key, status, settings::jsonb, samples, expected, pass_count, fail_count, error_count, cost_usd,
    'eval', created_at, started_at, finished_at
  FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[],
    $11::float8[], $12::int8[], $13::int8[], $14::int8[])
    AS r(id, model_id, suite_key, status, settings, samples, expected, pass_count, fail_count, error_count, cost_usd, created_at, started_at, finished_at)`;

/**
 * `sawtooth seed` on PostgreSQL: the whole load of runs and results is ONE transaction on one pooled connection (an
 * error leaves none behind). Rows are buffered as column arrays and each batch is one multi-row INSERT … SELECT FROM unnest; a batch is
 * sent and the seeder makes the next while the server stores it (one batch in flight at a time, so memory stays
 * bounded). When the seed writes at least as many results as the table holds, the results' secondary indexes and
 * foreign keys are dropped for the load and rebuilt and checked once at its end, in the same transaction (as
 * `db copy` does: one sort per index instead of millions of index insertions). Run ids come from the runs' identity
 * sequence in blocks, so the run rows go in with their counters, in the same batch as their results. After the
 * commit, VACUUM ANALYZE sets the visibility map (so index-only scans need not visit the table, as they would on
 * freshly inserted rows) and the planner's statistics.
 */
export async function pgSeedWriter(store: Store, rows: number): Promise<SeedWriter> {
  const pool = pgPoolOf(store);
  if (!pool) throw new Error('the PostgreSQL seed writer needs a PostgreSQL store');
  const client = await pool.connect();
  let restoreIndexes: (() => Promise<void>) | null = null;
  try {
    await client.query('BEGIN');
    // The index rebuild at the end sorts each index in memory when it fits (the server's default is 64 MB).
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    const { rows: [existing] } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM results');
    if (rows >= existing!.n) restoreIndexes = await dropForBulkLoad(client, ['results']);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    throw error;
  }
  return new PgSeedWriter(client, restoreIndexes);
}

interface BufferedRun extends SeedRun {
  id: number;
  counters?: RunCounters;
}

class PgSeedWriter implements SeedWriter {
  private runIds: number[] = [];
  private runs: BufferedRun[] = [];
  private columns: unknown[][] = RESULT_COLUMNS.map(() => []);
  /** The batch the server is storing now (awaited before the next is sent). */
  private inFlight: Promise<unknown> | null = null;
  private released = false;

  constructor(
    private readonly client: PoolClient,
    private readonly restoreIndexes: (() => Promise<void>) | null,
  ) {}

  async beginRun(run: SeedRun): Promise<number> {
    if (this.runIds.length === 0) {
      const { rows } = await this.client.query<{ id: number }>(
        "SELECT nextval(pg_get_serial_sequence('runs', 'id'))::int AS id FROM generate_series(1, $1)",
        [RUN_IDS_AT_ONCE],
      );
      this.runIds = rows.map((r) => r.id);
    }
    const id = this.runIds.shift()!;
    this.runs.push({ ...run, id });
    return id;
  }

  addResult(row: SeedResultRow): void {
    for (let c = 0; c < row.length; c++) this.columns[c]!.push(row[c]);
  }

  endRun(runId: number, counters: RunCounters): void {
    const run = this.runs.find((r) => r.id === runId);
    if (!run) throw new Error(`seed writer: run ${runId} was not begun in this batch`);
    run.counters = counters;
  }

  async endBatch(): Promise<void> {
    const open = this.runs.find((r) => !r.counters);
    if (open) throw new Error(`seed writer: a batch ended inside run ${open.id}`);
    const runs = this.runs;
    const columns = this.columns;
    this.runs = [];
    this.columns = RESULT_COLUMNS.map(() => []);
    await this.inFlight;
    if (runs.length > 0) {
      const c = (r: BufferedRun) => r.counters!;
      await this.client.query(INSERT_RUNS, [
        runs.map((r) => r.id), runs.map((r) => r.modelId), runs.map((r) => r.suiteKey), runs.map((r) => r.status), runs.map((r) => r.settings),
        runs.map((r) => r.samples), runs.map((r) => r.expected), runs.map((r) => c(r).pass), runs.map((r) => c(r).fail), runs.map((r) => c(r).error),
        runs.map((r) => c(r).cost), runs.map((r) => r.createdAt), runs.map((r) => r.startedAt), runs.map((r) => r.finishedAt),
      ]);
    }
    if (columns[0]!.length === 0) return;
    const sending = this.client.query(INSERT_RESULTS, columns);
    // Its error is reported by the next await of it (the next batch, finish); never an unhandled rejection meanwhile.
    sending.catch(() => undefined);
    this.inFlight = sending;
  }

  async finish(): Promise<void> {
    await this.endBatch();
    await this.inFlight;
    await this.restoreIndexes?.();
    await this.client.query('COMMIT');
    try {
      // Outside the transaction (VACUUM cannot run in one): all-visible pages for index-only scans, fresh statistics.
      await this.client.query('VACUUM (ANALYZE) results, runs');
    } finally {
      this.release();
    }
  }

  async abort(): Promise<void> {
    if (this.released) return;
    await this.inFlight?.catch(() => undefined);
    let broken: Error | undefined;
    await this.client.query('ROLLBACK').catch((error: Error) => (broken = error));
    this.release(broken);
  }

  private release(broken?: Error): void {
    if (this.released) return;
    this.released = true;
    this.client.release(broken);
  }
}

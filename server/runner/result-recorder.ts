import { addToRunCounters, insertResults, type ResultRow, type RunCounterDelta } from '../../db/queries/result-writes';
import type { SqlRunner } from '../../db/store';
import { defaultStoreRetry, retryableStoreFailure, StoreError, type StoreRetryPolicy, type StoreTrouble } from './store-retry';

export type { ResultRow };

/** A write that must commit with the result it belongs to (e.g. storing the answer in the response cache). */
export type SideWrite = (tx: SqlRunner) => Promise<void>;

/**
 * Writes graded results in short batched transactions (one commit per batch, not per row) and keeps the run's
 * counters in step in the same transaction. The unique key (run, probe, sample) makes a duplicate impossible:
 * a row that already exists is skipped and not counted.
 *
 * One batch is written at a time; rows that arrive meanwhile wait for the next. A batch leaves memory only after its
 * transaction commits. When the database is locked past busy_timeout, full, or (PostgreSQL) unreachable for a moment,
 * the rows stay buffered (new ones join them) and the recorder tries again with backoff, reporting each wait; after
 * `maxAttempts` it gives up and `close()` throws a StoreError, so the run never passes as complete.
 */
export class ResultRecorder {
  private rows: ResultRow[] = [];
  private sideWrites: SideWrite[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The batch being written (and any that follow it at once), while one is. */
  private writing: Promise<void> | undefined;
  /** Set while a failed batch waits for its next attempt: producers wait here (backpressure). */
  private retrying: Promise<void> | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly db: SqlRunner,
    private readonly opts: {
      maxBatch?: number;
      maxDelayMs?: number;
      onFlush?: (written: number) => void;
      /** Called each time a batch could not be stored (busy, full) and when the recorder gives up on it. */
      onTrouble?: (trouble: StoreTrouble) => void;
      retry?: StoreRetryPolicy;
    } = {},
  ) {}

  /** Queues a result. `sideWrite` runs in the same transaction as the row, so a crash keeps both or neither. */
  add(row: ResultRow, sideWrite?: SideWrite): void {
    this.rows.push(row);
    if (sideWrite) this.sideWrites.push(sideWrite);
    if (this.writing || this.failure) return; // the write in progress takes these rows next
    if (this.rows.length >= (this.opts.maxBatch ?? 256)) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.opts.maxDelayMs ?? 50);
  }

  /** Results held in memory, not yet stored. */
  get pending(): number {
    return this.rows.length;
  }

  /** Why the recorder stopped storing (gave up on a busy/full database, or another database error); work should stop. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** Resolves when no failed batch is waiting for its next attempt: callers producing results wait here (backpressure). */
  settled(): Promise<void> {
    return this.retrying ?? Promise.resolve();
  }

  /** Stores the buffer now, or throws: for seeding scripts and tests that own their database (no backoff). */
  async storeNow(): Promise<void> {
    this.clearTimer();
    await this.writing;
    const reason = this.failure ? null : await this.tryStore();
    if (this.failure) throw this.failure;
    if (reason) throw new StoreError(reason, this.rows.length, 1);
  }

  /** Starts storing what is buffered (in the background); on a busy or full database, waits it out with backoff. */
  flush(): void {
    this.clearTimer();
    if (this.failure || this.rows.length === 0) return;
    // Never rejects: a failure is kept in `failure` and thrown by close().
    this.writing ??= this.drain().finally(() => (this.writing = undefined));
  }

  /**
   * Stores everything still buffered, waiting out a busy or full database. Throws (StoreError, or the database's
   * own error) when results could not be stored: the caller must not call the run complete.
   */
  async close(): Promise<void> {
    this.clearTimer();
    await this.writing;
    if (!this.failure && this.rows.length > 0) await this.drain();
    if (this.failure) throw this.failure;
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Writes batches until the buffer is empty, backing off on a retryable failure; gives up after maxAttempts. */
  private async drain(): Promise<void> {
    const policy = this.opts.retry ?? defaultStoreRetry;
    let attempt = 0;
    while (this.rows.length > 0 && !this.failure) {
      const reason = await this.tryStore();
      if (reason === null) {
        attempt = 0;
        continue;
      }
      attempt++;
      if (attempt >= policy.maxAttempts) {
        this.opts.onTrouble?.({ reason, attempt, pending: this.rows.length, retryInMs: null });
        this.failure = new StoreError(reason, this.rows.length, attempt);
        return;
      }
      const wait = policy.backoffMs(attempt);
      this.opts.onTrouble?.({ reason, attempt, pending: this.rows.length, retryInMs: wait });
      const pause = policy.sleep(wait);
      this.retrying = pause;
      try {
        await pause;
      } finally {
        this.retrying = undefined;
      }
    }
  }

  /** One attempt at the whole buffer. Returns null when stored (or empty, or failed for good), else why it may pass with time. */
  private async tryStore(): Promise<string | null> {
    const n = this.rows.length;
    if (n === 0) return null;
    const rows = this.rows.slice(0, n);
    const sideWrites = this.sideWrites.slice(0, this.sideWrites.length);
    try {
      await this.db.transaction(async (tx) => {
        const inserted = await insertResults(tx, rows);
        // Counters count only rows really inserted (a duplicate from a worker that lost its lease adds nothing).
        const perRun = new Map<number, RunCounterDelta>();
        for (const row of inserted) {
          const c = perRun.get(row.runId) ?? { pass: 0, fail: 0, error: 0, refusal: 0, cost: 0 };
          c[row.outcome] += 1;
          c.cost += row.costUsd ?? 0;
          perRun.set(row.runId, c);
        }
        for (const [runId, c] of perRun) await addToRunCounters(tx, runId, c);
        for (const write of sideWrites) await write(tx);
      });
    } catch (error) {
      const reason = retryableStoreFailure(error);
      if (reason === null) this.failure = error as Error;
      return reason;
    }
    // Only now, committed, do the rows leave memory (rows added meanwhile stay for the next batch).
    this.rows = this.rows.slice(n);
    this.sideWrites = this.sideWrites.slice(sideWrites.length);
    this.opts.onFlush?.(n);
    return null;
  }
}

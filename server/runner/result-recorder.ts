import { transaction, type Db } from '../../db/client';
import { resultWriteQueries, type ResultRow, type RunCounterDelta } from '../../db/queries/result-writes';
import { defaultStoreRetry, retryableStoreFailure, StoreError, type StoreRetryPolicy, type StoreTrouble } from './store-retry';

export type { ResultRow };

/**
 * Writes graded results in short batched transactions (one fsync per batch, not per row) and keeps the run's
 * counters in step in the same transaction. The unique key (run, probe, sample) makes a duplicate impossible:
 * a row that already exists is skipped and not counted.
 *
 * A batch leaves memory only after its transaction commits. When the database is locked past busy_timeout or the
 * disk is full, the rows stay buffered (new ones join them) and the recorder tries again with backoff, reporting
 * each wait; after `maxAttempts` it gives up and `close()` throws a StoreError, so the run never passes as complete.
 */
export class ResultRecorder {
  private rows: ResultRow[] = [];
  private sideWrites: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  /** Set while a failed batch waits for its next attempt: new rows only join the buffer meanwhile. */
  private retrying: Promise<void> | undefined;
  private failure: Error | undefined;
  private readonly flushBatch: (rows: ResultRow[], sideWrites: Array<() => void>) => void;

  constructor(
    db: Db,
    private readonly opts: {
      maxBatch?: number;
      maxDelayMs?: number;
      onFlush?: (written: number) => void;
      /** Called each time a batch could not be stored (busy, full) and when the recorder gives up on it. */
      onTrouble?: (trouble: StoreTrouble) => void;
      retry?: StoreRetryPolicy;
    } = {},
  ) {
    const writes = resultWriteQueries(db);
    this.flushBatch = transaction(db, (rows: ResultRow[], sideWrites: Array<() => void>) => {
      const perRun = new Map<number, RunCounterDelta>();
      for (const row of rows) {
        if (!writes.insertResult(row)) continue;
        const c = perRun.get(row.runId) ?? { pass: 0, fail: 0, error: 0, refusal: 0, cost: 0 };
        c[row.outcome] += 1;
        c.cost += row.costUsd ?? 0;
        perRun.set(row.runId, c);
      }
      for (const [runId, c] of perRun) writes.addToRunCounters(runId, c);
      for (const write of sideWrites) write();
    });
  }

  /**
   * Queues a result. `sideWrite` (e.g. storing the answer in the response cache) runs in the same transaction as
   * the row, so a crash keeps both or neither.
   */
  add(row: ResultRow, sideWrite?: () => void): void {
    this.rows.push(row);
    if (sideWrite) this.sideWrites.push(sideWrite);
    if (this.retrying || this.failure) return;
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

  /** Stores the buffer now, synchronously, or throws: for seeding scripts and tests that own their database. */
  storeNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const reason = this.failure ? null : this.tryStore();
    if (this.failure) throw this.failure;
    if (reason) throw new StoreError(reason, this.rows.length, 1);
  }

  /** Tries to store what is buffered now; on a busy or full database, starts waiting it out in the background. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.retrying || this.failure) return;
    const reason = this.tryStore();
    if (reason) this.retrying = this.retryLoop(reason).finally(() => (this.retrying = undefined));
  }

  /**
   * Stores everything still buffered, waiting out a busy or full database. Throws (StoreError, or the database's
   * own error) when results could not be stored: the caller must not call the run complete.
   */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.retrying;
    if (!this.failure) {
      const reason = this.tryStore();
      if (reason) await this.retryLoop(reason);
    }
    if (this.failure) throw this.failure;
  }

  /** One attempt at the whole buffer. Returns null when stored (or empty), else why it may pass with time. */
  private tryStore(): string | null {
    const n = this.rows.length;
    if (n === 0) return null;
    const nSide = this.sideWrites.length;
    try {
      this.flushBatch(this.rows, this.sideWrites);
    } catch (error) {
      const reason = retryableStoreFailure(error);
      if (reason === null) this.failure = error as Error;
      return reason;
    }
    // Only now, committed, do the rows leave memory (rows added meanwhile stay for the next batch).
    this.rows = this.rows.slice(n);
    this.sideWrites = this.sideWrites.slice(nSide);
    this.opts.onFlush?.(n);
    return null;
  }

  private async retryLoop(firstReason: string): Promise<void> {
    const policy = this.opts.retry ?? defaultStoreRetry;
    let reason: string | null = firstReason;
    for (let attempt = 1; reason !== null; attempt++) {
      if (this.failure) return;
      if (attempt >= policy.maxAttempts) {
        this.opts.onTrouble?.({ reason, attempt, pending: this.rows.length, retryInMs: null });
        this.failure = new StoreError(reason, this.rows.length, attempt);
        return;
      }
      const wait = policy.backoffMs(attempt);
      this.opts.onTrouble?.({ reason, attempt, pending: this.rows.length, retryInMs: wait });
      await policy.sleep(wait);
      reason = this.tryStore();
    }
  }
}

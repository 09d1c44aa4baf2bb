import { randomUUID } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import {
  chunkStillHeld, chunksLeft, currentChunk, finishChunkedRun, markChunkDone, moveChunkJob, nextQueuedRun, startChunkedRun,
  suitePairSizes, touchChunkJob,
} from '../../db/queries/run-chunks';
import { pgPoolOf } from '../../db/store/pg-store';
import type { Store } from '../../db/store/store';
import { RunSettingsSchema } from '../runner/run-settings';
import { CHUNK_TARGET_REQUESTS, planChunks } from './plan-chunks';

/** The pg-boss queue every chunk job goes through (pg-boss's tables live in its own schema, `pgboss`). */
export const CHUNK_QUEUE = 'sawtooth_run_chunks';
const BOSS_SCHEMA = 'pgboss';
/** The advisory lock key under which one process at a time installs pg-boss's schema (any fixed 64-bit number). */
const INSTALL_LOCK = 0x5a7_7007;

/** A chunk lease: a worker that stops heartbeating loses its chunk this long after its last beat (plus one maintenance pass). */
export const DEFAULT_CHUNK_LEASE_MS = 30_000;

/** A claimed chunk: its run (as server/runner's ClaimedRun), the chunk's index and its pair positions. */
export interface ChunkClaim {
  id: number;
  modelId: string;
  suiteKey: number;
  settings: unknown;
  chunk: number;
  positions: { first: number; last: number };
}

export interface PgChunkQueueOptions {
  /** How long a chunk stays claimed without a heartbeat (default 30 s; whole seconds, at least 1). */
  leaseMs?: number;
  /** How often expired chunks are looked for (pg-boss maintenance; default a fifth of the lease, at least 1 s). */
  maintenanceSeconds?: number;
  /** About this many requests per chunk. */
  targetRequests?: number;
  /** pg-boss's background errors (maintenance on a dropped connection, ...): reported, never thrown. */
  onError?: (error: Error) => void;
}

/** What a worker holds: the job of one chunk, and the fetch it came from (a retried job keeps its id). */
interface Held {
  jobId: string;
  retryCount: number;
  chunk: number;
}

/**
 * The run queue of a PostgreSQL deployment: a queued run is cut into chunks (ranges of its suite's pairs, about
 * `targetRequests` requests each) that any worker on any machine claims through pg-boss, so several workers work one
 * run at once. Leases are pg-boss's job expiry, extended by the worker's heartbeat; a killed worker's chunk is
 * retried by pg-boss after its lease and picked up by another worker. Exactly one result per (run, probe, sample)
 * comes from the results' unique key, not from the queue (a redone chunk skips what is stored); a chunk is marked done
 * idempotently in `run_chunks`, and the run ends once, when its last chunk is done.
 */
export class PgChunkQueue {
  /** The chunk held per run: a worker works one chunk at a time (like the whole-run lease queue, calls name the run). */
  private readonly held = new Map<number, Held>();

  private constructor(
    private readonly store: Store,
    private readonly boss: PgBoss,
    private readonly leaseMs: number,
    private readonly targetRequests: number,
  ) {}

  static async open(store: Store, options: PgChunkQueueOptions = {}): Promise<PgChunkQueue> {
    const pool = pgPoolOf(store);
    if (!pool) throw new Error('the chunked run queue needs a PostgreSQL store (SAWTOOTH_DATABASE_URL=postgres://…)');
    const leaseMs = Math.max(1_000, options.leaseMs ?? DEFAULT_CHUNK_LEASE_MS);
    const boss = new PgBoss({
      // pg-boss reads its rows with node-postgres's own parsers (our pool reads bigints as numbers and JSON as text).
      db: { executeSql: (text: string, values: unknown[]) => pool.query({ text, values, types: pg.types }) },
      schema: BOSS_SCHEMA,
      supervise: true,
      schedule: false,
      migrate: true,
      maintenanceIntervalSeconds: options.maintenanceSeconds ?? Math.max(1, Math.round(leaseMs / 5_000)),
    });
    boss.on('error', (error) => options.onError?.(error));
    // pg-boss installs its schema on first start, and two workers starting at once race on it ("duplicate key ...
    // pg_namespace"): one process at a time installs, under an advisory lock held on a connection of its own.
    const lock = await pool.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [INSTALL_LOCK]);
      await boss.start();
      await boss.createQueue(CHUNK_QUEUE, {
        name: CHUNK_QUEUE,
        expireInSeconds: Math.ceil(leaseMs / 1000),
        // A chunk is retried whenever its worker dies; a run must not be stranded by an unlucky series of crashes.
        retryLimit: 1_000,
        retryDelay: 0,
      });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [INSTALL_LOCK]).catch(() => {});
      lock.release();
    }
    return new PgChunkQueue(store, boss, leaseMs, options.targetRequests ?? CHUNK_TARGET_REQUESTS);
  }

  /**
   * Plans the oldest queued run (or `runId`) into chunks if there is one, then claims the next chunk of any running
   * run. Returns null when there is nothing to work on.
   */
  async claim(workerId: string, _leaseMs?: number, runId?: number): Promise<ChunkClaim | null> {
    await this.planNext(runId ?? null);
    // Stale jobs (a re-planned or ended run) are completed and skipped; a bounded number per claim.
    for (let i = 0; i < 100; i++) {
      const [job] = await this.boss.fetch<{ runId: number; chunk: number }>(CHUNK_QUEUE, { batchSize: 1, includeMetadata: true });
      if (!job) return null;
      const { runId: jobRun, chunk } = job.data;
      const row = await currentChunk(this.store, { runId: jobRun, chunk, jobId: job.id });
      if (!row) {
        await this.boss.complete(CHUNK_QUEUE, job.id);
        continue;
      }
      this.held.set(row.id, { jobId: job.id, retryCount: job.retryCount, chunk });
      return {
        id: row.id, modelId: row.modelId, suiteKey: row.suiteKey, settings: JSON.parse(row.settings) as unknown,
        chunk, positions: { first: row.firstPosition, last: row.lastPosition },
      };
    }
    return null;
  }

  /** The chunk this worker holds of a run, if any (for the worker registry and messages). */
  heldChunk(runId: number): number | null {
    return this.held.get(runId)?.chunk ?? null;
  }

  /**
   * Extends the chunk's lease. False (stop working it) when the lease was lost (expired and claimed again), the run
   * was cancelled or ended, or it was planned anew (resumed).
   */
  async heartbeat(runId: number, _workerId?: string): Promise<boolean> {
    const held = this.held.get(runId);
    if (!held) return false;
    const touched = await touchChunkJob(this.store, { schema: BOSS_SCHEMA, queue: CHUNK_QUEUE, jobId: held.jobId, retryCount: held.retryCount });
    if (!touched) return false;
    return chunkStillHeld(this.store, { runId, chunk: held.chunk, jobId: held.jobId });
  }

  /** The worker answered everything of its chunk: marks it done (idempotent). True when no chunk of the run is left. */
  async chunkDone(runId: number, workerId: string): Promise<boolean> {
    const held = this.held.get(runId);
    if (!held) return false;
    this.held.delete(runId);
    const marked = await markChunkDone(this.store, { runId, chunk: held.chunk, jobId: held.jobId, workerId });
    await this.boss.complete(CHUNK_QUEUE, held.jobId);
    // Counted after our mark committed: of two workers finishing the last two chunks at once, at least one sees 0.
    return marked && (await chunksLeft(this.store, runId)) === 0;
  }

  /** Ends the run (completed / failed) unless it left `running` meanwhile. True for the one call that ended it. */
  async finish(runId: number, _workerId: string, status: 'completed' | 'failed', message?: string): Promise<boolean> {
    const held = this.held.get(runId);
    this.held.delete(runId);
    if (held) await this.boss.complete(CHUNK_QUEUE, held.jobId);
    return finishChunkedRun(this.store, { runId, status, message: message ?? null });
  }

  /** Gives the chunk back at once (shutdown): it goes to a fresh job any worker may claim now. */
  async release(runId: number, _workerId?: string): Promise<void> {
    const held = this.held.get(runId);
    if (!held) return;
    this.held.delete(runId);
    const fresh = randomUUID();
    await this.boss.insert([{ id: fresh, name: CHUNK_QUEUE, data: { runId, chunk: held.chunk }, ...this.jobOptions() }]);
    const moved = await moveChunkJob(this.store, { runId, chunk: held.chunk, fromJobId: held.jobId, toJobId: fresh });
    await this.boss.cancel(CHUNK_QUEUE, moved ? held.jobId : fresh);
  }

  /** Each job's lease and retries (the queue's defaults belong to whichever worker created it first). */
  private jobOptions() {
    return { expireInSeconds: Math.ceil(this.leaseMs / 1000), retryLimit: 1_000, retryDelay: 0 };
  }

  /** Stops pg-boss's maintenance timers (the pool is the store's: closed by its owner). */
  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, close: false, wait: true });
  }

  /**
   * Cuts one queued run into chunks and queues a job per chunk. The jobs are queued before the run leaves `queued`
   * (in the same transaction as its chunk rows), so a planner that dies halfway leaves the run queued for the next
   * one, never running without jobs; jobs of a plan that lost the race are cancelled (or skipped when fetched).
   */
  private async planNext(runId: number | null): Promise<void> {
    const run = await nextQueuedRun(this.store, runId);
    if (!run) return;
    const settings = RunSettingsSchema.parse(JSON.parse(run.settings));
    // At least 8 rounds of the run's concurrency per chunk, so a worker's window stays full most of a chunk.
    const target = Math.max(this.targetRequests, settings.concurrency * 8);
    const chunks = planChunks(await suitePairSizes(this.store, run.suiteKey), settings.samples, target)
      .map((c) => ({ ...c, jobId: randomUUID() }));
    if (chunks.length > 0) {
      await this.boss.insert(chunks.map((c) => ({ id: c.jobId, name: CHUNK_QUEUE, data: { runId: run.id, chunk: c.chunk }, ...this.jobOptions() })));
    }
    const started = await startChunkedRun(this.store, run.id, chunks);
    if (!started && chunks.length > 0) await this.boss.cancel(CHUNK_QUEUE, chunks.map((c) => c.jobId));
    // A suite without pairs has nothing to claim: the run ends at once (its verdict: nothing was answered).
    if (started && chunks.length === 0) {
      await finishChunkedRun(this.store, { runId: run.id, status: 'failed', message: 'the suite has no pairs to answer' });
    }
  }
}

/**
 * The chunk queue as a worker's RunQueue, opened (pg-boss started, its schema installed) on first use, so a worker
 * can be built synchronously whatever the engine.
 */
export function chunkRunQueue(store: Store, options: PgChunkQueueOptions = {}) {
  let opened: Promise<PgChunkQueue> | undefined;
  const queue = () => (opened ??= PgChunkQueue.open(store, options));
  return {
    claim: async (workerId: string, leaseMs: number, runId?: number) => (await queue()).claim(workerId, leaseMs, runId),
    heartbeat: async (runId: number, workerId: string) => (await queue()).heartbeat(runId, workerId),
    finish: async (runId: number, workerId: string, status: 'completed' | 'failed', message?: string) =>
      (await queue()).finish(runId, workerId, status, message),
    release: async (runId: number, workerId: string) => (await queue()).release(runId, workerId),
    chunkDone: async (runId: number, workerId: string) => (await queue()).chunkDone(runId, workerId),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}


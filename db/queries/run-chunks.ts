import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';
import { objectsTable } from '../store/dialect-sql';
import { dbNow } from './db-clock';

/**
 * The statements of chunked runs (server/queue/chunk-queue.ts). A chunked run is `running` with lease_owner
 * 'chunks' while its chunks are worked; which worker holds which chunk is the job queue's business.
 */
export const CHUNKED_LEASE_OWNER = 'chunks';

/** Each pair of a suite in position order with how many probes it has (2, or 4 with contrast twins). */
export async function suitePairSizes(db: SqlRunner, suiteKey: number): Promise<Array<{ position: number; probes: number }>> {
  return db.all(sql`
    SELECT position,
      (CASE WHEN easy_probe_key IS NULL THEN 0 ELSE 1 END) + (CASE WHEN hard_probe_key IS NULL THEN 0 ELSE 1 END)
      + (CASE WHEN easy_twin_probe_key IS NULL THEN 0 ELSE 1 END) + (CASE WHEN hard_twin_probe_key IS NULL THEN 0 ELSE 1 END) AS "probes"
    FROM suite_pairs WHERE suite_key = ${suiteKey} ORDER BY position`);
}

/** The oldest queued run (or the given one, if it is queued): the next to be planned into chunks. */
export async function nextQueuedRun(db: SqlRunner, runId: number | null): Promise<{ id: number; suiteKey: number; settings: string } | undefined> {
  return db.get(sql`
    SELECT id, suite_key AS "suiteKey", settings FROM runs
    WHERE status = 'queued' AND (CAST(${runId} AS INTEGER) IS NULL OR id = CAST(${runId} AS INTEGER))
    ORDER BY id LIMIT 1`);
}

export interface PlannedChunk {
  chunk: number;
  firstPosition: number;
  lastPosition: number;
  jobId: string;
}

/**
 * Starts a queued run as a chunked one, in one transaction: queued → running (exactly one planner wins), its chunks of
 * any earlier plan replaced by these. Returns false when the run was no longer queued (another worker planned it).
 */
export async function startChunkedRun(db: SqlRunner, runId: number, chunks: readonly PlannedChunk[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const started = await tx.run(sql`
      UPDATE runs SET status = 'running', lease_owner = ${CHUNKED_LEASE_OWNER}, lease_expires_at = NULL,
        started_at = coalesce(started_at, ${dbNow(tx)})
      WHERE id = ${runId} AND status = 'queued'`);
    if (started !== 1) return false;
    await tx.run(sql`DELETE FROM run_chunks WHERE run_id = ${runId}`);
    // In slices: one statement's JSON parameter stays small however large the suite.
    for (let i = 0; i < chunks.length; i += 2_000) {
      const slice = chunks.slice(i, i + 2_000);
      await tx.run(sql`
        INSERT INTO run_chunks (run_id, chunk, first_position, last_position, job_id)
        SELECT ${runId}, c."chunk", c."firstPosition", c."lastPosition", c."jobId"
        FROM ${objectsTable(tx, slice, { chunk: 'int', firstPosition: 'int', lastPosition: 'int', jobId: 'text' }, 'c')}`);
    }
    return true;
  });
}

/** The run and range of a chunk job, when that job is still the chunk's current one, undone, and its run running. */
export async function currentChunk(
  db: SqlRunner,
  p: { runId: number; chunk: number; jobId: string },
): Promise<{ id: number; modelId: string; suiteKey: number; settings: string; firstPosition: number; lastPosition: number } | undefined> {
  return db.get(sql`
    SELECT r.id, r.model_id AS "modelId", r.suite_key AS "suiteKey", r.settings,
           c.first_position AS "firstPosition", c.last_position AS "lastPosition"
    FROM run_chunks c JOIN runs r ON r.id = c.run_id
    WHERE c.run_id = ${p.runId} AND c.chunk = ${p.chunk} AND c.job_id = ${p.jobId} AND c.done_at IS NULL
      AND r.status = 'running' AND r.lease_owner = ${CHUNKED_LEASE_OWNER}`);
}

/** Marks a chunk done (idempotent: only the first call for its current job changes anything). */
export async function markChunkDone(db: SqlRunner, p: { runId: number; chunk: number; jobId: string; workerId: string }): Promise<boolean> {
  const changed = await db.run(sql`
    UPDATE run_chunks SET done_at = ${dbNow(db)}, done_by = ${p.workerId}
    WHERE run_id = ${p.runId} AND chunk = ${p.chunk} AND job_id = ${p.jobId} AND done_at IS NULL`);
  return changed === 1;
}

/** How many chunks of a run are not done yet. */
export async function chunksLeft(db: SqlRunner, runId: number): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS "n" FROM run_chunks WHERE run_id = ${runId} AND done_at IS NULL`);
  return Number(row?.n ?? 0);
}

/** Hands a chunk to a new job (its worker stopped and gave it back). False when the chunk moved on meanwhile. */
export async function moveChunkJob(db: SqlRunner, p: { runId: number; chunk: number; fromJobId: string; toJobId: string }): Promise<boolean> {
  const changed = await db.run(sql`
    UPDATE run_chunks SET job_id = ${p.toJobId}
    WHERE run_id = ${p.runId} AND chunk = ${p.chunk} AND job_id = ${p.fromJobId} AND done_at IS NULL`);
  return changed === 1;
}

/** Whether a chunk job is still worth working: its run running as a chunked run, and the job still the chunk's. */
export async function chunkStillHeld(db: SqlRunner, p: { runId: number; chunk: number; jobId: string }): Promise<boolean> {
  return (await currentChunk(db, p)) !== undefined;
}

/** Ends a chunked run, once: only the first caller while it is still running changes it. */
export async function finishChunkedRun(db: SqlRunner, p: { runId: number; status: 'completed' | 'failed'; message: string | null }): Promise<boolean> {
  const changed = await db.run(sql`
    UPDATE runs SET status = ${p.status}, message = ${p.message}, finished_at = ${dbNow(db)}, lease_owner = NULL, lease_expires_at = NULL
    WHERE id = ${p.runId} AND status = 'running' AND lease_owner = ${CHUNKED_LEASE_OWNER}`);
  return changed === 1;
}

/**
 * A chunk job's heartbeat. pg-boss 10 has no call for it: a job's expiry counts from its `started_on`, so the beat
 * moves that, for the fetch this worker made (a job retried after expiry keeps its id and gets a higher retry_count).
 * The one statement we run on pg-boss's own table (pinned version; chunk-queue.int.test.ts checks it still works).
 */
export async function touchChunkJob(db: SqlRunner, p: { schema: string; queue: string; jobId: string; retryCount: number }): Promise<boolean> {
  const touched = await db.run(sql`
    UPDATE ${sql.identifier(p.schema)}.job SET started_on = now()
    WHERE name = ${p.queue} AND id = CAST(${p.jobId} AS uuid) AND state = 'active' AND retry_count = ${p.retryCount}`);
  return touched === 1;
}

/** A run's status, start and end (epoch ms, the database's clock) and stored results: what a benchmark times. */
export async function runSpan(
  db: SqlRunner,
  runId: number,
): Promise<{ status: string; startedAt: number | null; finishedAt: number | null; stored: number } | undefined> {
  return db.get(sql`
    SELECT status, started_at AS "startedAt", finished_at AS "finishedAt",
           (SELECT count(*) FROM results WHERE run_id = ${runId}) AS "stored"
    FROM runs WHERE id = ${runId}`);
}

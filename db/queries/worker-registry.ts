import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';
import { dbNow } from './db-clock';

/** One row of the worker registry: a worker process on some machine and what it works on. */
export interface WorkerRow {
  id: string;
  host: string;
  pid: number;
  startedAt: number;
  heartbeatAt: number;
  runId: number | null;
  chunk: number | null;
  /** How long ago its last heartbeat was, on the database's clock. */
  heartbeatAgeMs: number;
}

/**
 * Records that a worker is alive and what it works on (insert or refresh: a row aged out during a long database outage
 * comes back), and ages out the rows of workers silent for longer than `ttlMs` (they died without saying goodbye).
 */
export async function heartbeatWorker(
  db: SqlRunner,
  w: { id: string; host: string; pid: number; runId: number | null; chunk: number | null; ttlMs: number },
): Promise<void> {
  await db.run(sql`
    INSERT INTO workers (id, host, pid, started_at, heartbeat_at, run_id, chunk)
    VALUES (${w.id}, ${w.host}, ${w.pid}, ${dbNow(db)}, ${dbNow(db)}, ${w.runId}, ${w.chunk})
    ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, run_id = excluded.run_id, chunk = excluded.chunk`);
  await db.run(sql`DELETE FROM workers WHERE heartbeat_at < ${dbNow(db)} - ${w.ttlMs}`);
}

/** A worker that stops cleanly leaves the registry at once. */
export async function removeWorker(db: SqlRunner, id: string): Promise<void> {
  await db.run(sql`DELETE FROM workers WHERE id = ${id}`);
}

/** The workers that heartbeated within `ttlMs`, oldest first. */
export async function liveWorkers(db: SqlRunner, ttlMs: number): Promise<WorkerRow[]> {
  const rows = await db.all<WorkerRow>(sql`
    SELECT id, host, pid, started_at AS "startedAt", heartbeat_at AS "heartbeatAt", run_id AS "runId", chunk,
           ${dbNow(db)} - heartbeat_at AS "heartbeatAgeMs"
    FROM workers WHERE heartbeat_at >= ${dbNow(db)} - ${ttlMs}
    ORDER BY started_at, id`);
  return rows.map((r) => ({ ...r, heartbeatAgeMs: Math.max(0, Number(r.heartbeatAgeMs)) }));
}

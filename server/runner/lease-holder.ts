import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** Who holds a run's lease: written into `runs.lease_owner` as `worker@<host>:<pid>:<nonce>`. */
export interface LeaseHolder {
  host: string;
  pid: number;
}

/** A worker id that names its host and process, so that `runs resume` can tell a dead holder from a live one. */
export function newWorkerId(pid: number = process.pid, host: string = hostname()): string {
  return `worker@${host}:${pid}:${randomUUID().slice(0, 8)}`;
}

/** The host and pid inside a worker id; null for ids that do not carry them (e.g. a test's or an older version's). */
export function leaseHolderOf(workerId: string): LeaseHolder | null {
  const match = /^worker@(.+):(\d+):[0-9a-f]+$/.exec(workerId);
  return match ? { host: match[1]!, pid: Number(match[2]) } : null;
}

/** Whether a process with this pid exists on this machine (signal 0 tests without sending anything). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LeaseCheck {
  now: number;
  host: string;
  isAlive: (pid: number) => boolean;
}

export const liveLeaseCheck = (): LeaseCheck => ({ now: Date.now(), host: hostname(), isAlive: pidAlive });

/**
 * Why a running run's lease still stands, or null when it may be taken over at once: no holder, an expired lease,
 * or a holder on this host whose process is gone (kill -9, a crash) — no need to wait for the lease to run out.
 */
export function liveLeaseHolder(owner: string | null, expiresAt: number | null, check: LeaseCheck): string | null {
  if (!owner || expiresAt === null || expiresAt < check.now) return null;
  const holder = leaseHolderOf(owner);
  if (holder && holder.host === check.host && !check.isAlive(holder.pid)) return null;
  const who = holder ? `pid ${holder.pid} on host ${holder.host}` : `worker ${owner}`;
  const seconds = Math.ceil((expiresAt - check.now) / 1000);
  return `${who} holds its lease until ${new Date(expiresAt).toISOString()} (in ${seconds} s)`;
}

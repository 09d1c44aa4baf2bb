import type { Store } from '../../db/store';
import { warmDefaultProfile } from '../explore/warm-profile';
import { executeRun, type ExecuteDeps } from './execute-run';
import { newWorkerId } from './lease-holder';
import { runVerdict } from './run-verdict';
import { StoreError, type StoreRetryPolicy, type StoreTrouble } from './store-retry';
import type { ClaimedRun, RunQueue } from './run-queue';
import type { WorkerPresence } from '../queue/worker-presence';

export interface WorkerOptions {
  store: Store;
  queue: RunQueue;
  provider: ExecuteDeps['provider'];
  scheduler: ExecuteDeps['scheduler'];
  /** How long a claim lives without a heartbeat; a crashed worker's run is taken over after this. */
  leaseMs?: number;
  pollMs?: number;
  workerId?: string;
  onProgress?: (runId: number, written: number) => void;
  onRunEnd?: (runId: number, status: 'completed' | 'failed' | 'stopped', message?: string) => void;
  /** A wait on a busy or full database while storing results (they are held in memory meanwhile). */
  onStoreTrouble?: (runId: number, trouble: StoreTrouble) => void;
  storeRetry?: StoreRetryPolicy;
  /** A chunk of a chunked run is answered and other chunks remain (the run ends with whichever worker does the last). */
  onChunkEnd?: (runId: number, chunk: number) => void;
  /** A claim that failed (database unreachable, the queue would not start): the loop keeps polling. */
  onLoopError?: (error: Error) => void;
  /** What endpoints list on /models (default: ask each time a run starts). */
  listedScope?: ExecuteDeps['listedScope'];
  /** The worker registry row (`sawtooth workers`): told what this worker works on. */
  presence?: WorkerPresence;
}

/**
 * Claims runs with a lease, keeps the lease alive with a heartbeat while it works, and ends each run. Runs inside
 * the dashboard server and as `sawtooth worker` / `sawtooth eval` processes; any number may share one database.
 */
export class Worker {
  readonly id: string;
  private stopping = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly opts: WorkerOptions) {
    this.id = opts.workerId ?? newWorkerId();
  }

  private get leaseMs(): number {
    return this.opts.leaseMs ?? 15_000;
  }

  /**
   * Claims one run (optionally a given one) and works it to the end. Returns false when there was nothing to claim.
   * On a chunked queue (PostgreSQL) a claim is one chunk: asked for a given run, the worker keeps claiming until
   * nothing is left to claim (other runs' chunks the queue hands out meanwhile included), so that alone it still
   * works the whole run; chunks other workers hold are theirs to finish.
   */
  async runOnce(runId?: number): Promise<boolean> {
    let run = await this.opts.queue.claim(this.id, this.leaseMs, runId);
    if (!run) return false;
    try {
      for (;;) {
        const moreChunks = await this.work(run);
        if (runId === undefined || !moreChunks || this.stopping.signal.aborted) return true;
        run = await this.opts.queue.claim(this.id, this.leaseMs, runId);
        if (!run) return true;
      }
    } finally {
      // Idle again; not between chunks of one call, so `runs resume` never sees a working worker as gone.
      await this.opts.presence?.working(null);
    }
  }

  /** Works one claim (a run, or a chunk of one). True when it was a chunk and other chunks of its run remain. */
  private async work(run: ClaimedRun): Promise<boolean> {
    const { store, queue } = this.opts;
    let moreChunks = false;
    await this.opts.presence?.working(run.id, run.chunk ?? null);
    const abort = new AbortController();
    const onStop = () => abort.abort();
    this.stopping.signal.addEventListener('abort', onStop);
    // One beat at a time: a slow database must not pile up beats behind each other.
    let beating = false;
    const heartbeat = setInterval(() => {
      if (beating) return;
      beating = true;
      queue.heartbeat(run.id, this.id, this.leaseMs).then(
        (held) => {
          if (!held) abort.abort(); // cancelled, or the lease was taken over
        },
        // The database is locked, full or unreachable right now: the lease still has two beats to go; the next beat
        // tries again.
        () => {},
      ).finally(() => (beating = false));
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    try {
      const { aborted } = await executeRun({
        store, run, provider: this.opts.provider, scheduler: this.opts.scheduler, signal: abort.signal,
        onProgress: (n) => this.opts.onProgress?.(run.id, n),
        onStoreTrouble: this.opts.onStoreTrouble && ((t) => this.opts.onStoreTrouble!(run.id, t)),
        storeRetry: this.opts.storeRetry, listedScope: this.opts.listedScope,
      });
      if (aborted) {
        if (this.stopping.signal.aborted) await queue.release(run.id, this.id);
        this.opts.onRunEnd?.(run.id, 'stopped');
      } else if (run.chunk !== undefined && queue.chunkDone && !(await queue.chunkDone(run.id, this.id))) {
        moreChunks = true;
        this.opts.onChunkEnd?.(run.id, run.chunk); // other chunks remain: the worker that answers the last ends the run
      } else {
        const verdict = await runVerdict(store, run.id);
        const ended = await queue.finish(run.id, this.id, verdict.status, verdict.message);
        if (ended === false) return false; // another worker ended it (the last two chunks were done at once)
        // After the completion commit, off the recorder's path: the profile this run makes the default is built and
        // stored now, so the first page (or `eval --json`) reads it. Never throws.
        if (verdict.status === 'completed') await warmDefaultProfile(store, run.id);
        this.opts.onRunEnd?.(run.id, verdict.status, verdict.message);
      }
    } catch (error) {
      const message = error instanceof StoreError
        ? `${error.message}; the stored results are kept: resume it with: npx sawtooth runs resume ${run.id}`
        : (error as Error).message;
      try {
        await queue.finish(run.id, this.id, 'failed', message);
      } catch {
        // The database still refuses writes: the run stays "running" until its lease expires, then any worker or
        // `runs resume` takes it over. Nothing stored is lost.
      }
      this.opts.onRunEnd?.(run.id, 'failed', message);
    } finally {
      clearInterval(heartbeat);
      this.stopping.signal.removeEventListener('abort', onStop);
    }
    return moreChunks;
  }

  /** Polls for work until stop() is called. */
  start(): void {
    this.loop ??= (async () => {
      while (!this.stopping.signal.aborted) {
        const worked = await this.runOnce().catch((error: Error) => (this.opts.onLoopError?.(error), false));
        if (!worked) await new Promise((r) => setTimeout(r, this.opts.pollMs ?? 1_000));
      }
    })();
  }

  /** Stops after giving back the lease of the run in hand (its finished results are already stored). */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (!this.loop) return; // runOnce called directly: its caller closes once that returned
    await this.loop;
    await this.close();
  }

  /** Stops the queue's background work (pg-boss maintenance) and leaves the worker registry. stop() does this after its loop. */
  async close(): Promise<void> {
    await this.opts.queue.close?.();
    await this.opts.presence?.stop();
  }
}

import { getRun } from '../db/queries/runs';
import type { Store } from '../db/store';
import { tuneWorkerProcess } from '../server/runner/tune-worker-process';
import type { CommandIO } from './command';
import { createProgressLine } from './progress-line';
import { createWorker } from '../server/runner/create-worker';
import type { Worker } from '../server/runner/worker';
import { newWorkerId } from '../server/runner/lease-holder';
import { startWorkerPresence } from '../server/queue/worker-presence';

/** Works one run to its end in this process, with a progress line on stderr; Ctrl-C stops it resumably. */
export async function runInProcess(store: Store, runId: number, io: CommandIO, opts: { quiet?: boolean } = {}): Promise<void> {
  const start = (await getRun(store, runId))!;
  tuneWorkerProcess(store);
  const progress = createProgressLine(io.stderr, start.expected, Boolean(process.stderr.isTTY) && !opts.quiet);
  // A foreground run is a worker too: listed by `sawtooth workers`, and named by `runs resume` while it lives.
  const workerId = newWorkerId();
  const presence = await startWorkerPresence(store, { id: workerId });
  const worker = createWorker(store, {
    workerId,
    presence,
    onStoreTrouble: (id, t) => io.stderr(`run ${id}: ${t.pending} result(s) held in memory: ${t.reason}; ` +
      (t.retryInMs === null ? `giving up after ${t.attempt} attempts\n` : `attempt ${t.attempt + 1} in ${(t.retryInMs / 1000).toFixed(1)} s\n`)),
    onProgress: () => {
      // A progress line is not worth failing a run for: a read that fails now is simply skipped.
      getRun(store, runId).then((run) => {
        if (run) progress.update(run.passCount + run.failCount + run.errorCount + run.refusalCount, { pass: run.passCount, fail: run.failCount, error: run.errorCount });
      }, () => {});
    },
  });
  let stopped = false;
  const stop = () => {
    stopped = true;
    void worker.stop();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    if (store.dialect === 'pg') await workChunksUntilOver(store, worker, runId, () => stopped);
    else await worker.runOnce(runId);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await worker.close();
    progress.end();
  }
}

/**
 * On PostgreSQL a run is shared out in chunks: this process works chunks (its run's first, then whichever are next in
 * the queue, its run's or another's) until its run is over, however many other workers help.
 */
async function workChunksUntilOver(store: Store, worker: Worker, runId: number, stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    const run = await getRun(store, runId);
    if (!run || (run.status !== 'queued' && run.status !== 'running')) return;
    if (!(await worker.runOnce(runId))) await new Promise((r) => setTimeout(r, 250)); // other workers hold the rest
  }
}

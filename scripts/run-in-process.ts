import type { Db } from '../db/client';
import { getRun } from '../db/queries/runs';
import { tuneWorkerProcess } from '../server/runner/tune-worker-process';
import type { CommandIO } from './command';
import { createProgressLine } from './progress-line';
import { createWorker } from '../server/runner/create-worker';

/** Works one run to its end in this process, with a progress line on stderr; Ctrl-C stops it resumably. */
export async function runInProcess(db: Db, runId: number, io: CommandIO, opts: { quiet?: boolean } = {}): Promise<void> {
  const start = getRun(db, runId)!;
  tuneWorkerProcess(db);
  const progress = createProgressLine(io.stderr, start.expected, Boolean(process.stderr.isTTY) && !opts.quiet);
  const worker = createWorker(db, {
    onStoreTrouble: (id, t) => io.stderr(`run ${id}: ${t.pending} result(s) held in memory: ${t.reason}; ` +
      (t.retryInMs === null ? `giving up after ${t.attempt} attempts\n` : `attempt ${t.attempt + 1} in ${(t.retryInMs / 1000).toFixed(1)} s\n`)),
    onProgress: () => {
      const run = getRun(db, runId)!;
      progress.update(run.passCount + run.failCount + run.errorCount + run.refusalCount, { pass: run.passCount, fail: run.failCount, error: run.errorCount });
    },
  });
  const stop = () => void worker.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await worker.runOnce(runId);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    progress.end();
  }
}

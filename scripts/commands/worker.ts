import { z } from 'zod';
import type { Store } from '../../db/store';
import { tuneWorkerProcess } from '../../server/runner/tune-worker-process';
import { parseFlags, type Command, type CommandIO } from '../command';
import { openCliStore } from '../open-db';
import { createWorker } from '../../server/runner/create-worker';

const usage = `usage: sawtooth worker [--once] [--lease-ms N]

Claims queued runs (and runs whose worker died) from the database (SAWTOOTH_DATABASE_URL's PostgreSQL, else the
SQLite file) and answers them. Stops on SIGINT/SIGTERM, giving its run back. With --once it exits when no run is left.`;

export const workerCommand: Command = {
  name: 'worker',
  summary: 'answer queued runs from the database until stopped',
  usage,
  async run(args, io) {
    const { flags } = parseFlags(
      args,
      { once: { type: 'boolean' }, 'lease-ms': { type: 'string' } },
      z.object({ once: z.boolean().optional(), 'lease-ms': z.coerce.number().int().min(200).max(600_000).optional() }),
    );
    const { store } = await openCliStore();
    try {
      return await work(store, flags, io);
    } finally {
      await store.close();
    }
  },
};

async function work(store: Store, flags: { once?: boolean; 'lease-ms'?: number }, io: CommandIO): Promise<number> {
  tuneWorkerProcess(store);
  const worker = createWorker(store, {
    leaseMs: flags['lease-ms'],
    onRunEnd: (runId, status, message) => io.stderr(`run ${runId} ${status}${message ? `: ${message}` : ''}\n`),
  });
  io.stderr(`worker ${worker.id} started (pid ${process.pid})\n`);
  if (flags.once) {
    while (await worker.runOnce()) {
      // keep claiming until the queue is empty
    }
    return 0;
  }
  const stopped = new Promise<void>((resolve) => {
    const stop = () => void worker.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  worker.start();
  await stopped;
  return 0;
}

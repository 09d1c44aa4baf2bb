import { z } from 'zod';
import type { Store } from '../../db/store';
import { tuneWorkerProcess } from '../../server/runner/tune-worker-process';
import { parseFlags, type Command, type CommandIO } from '../command';
import { openCliStore } from '../open-db';
import { createWorker } from '../../server/runner/create-worker';
import { newWorkerId } from '../../server/runner/lease-holder';
import { startWorkerPresence } from '../../server/queue/worker-presence';

const usage = `usage: sawtooth worker [--once] [--lease-ms N]

Claims queued runs (and runs whose worker died) from the database (SAWTOOTH_DATABASE_URL's PostgreSQL, else the
SQLite file) and answers them. Stops on SIGINT/SIGTERM, giving its run (or chunk) back. With --once it exits when no
run is left. On PostgreSQL any number of workers on any machines share each run, a chunk of ~48 requests at a time
(docs/deploy.md); a worker that dies loses its chunk --lease-ms after its last heartbeat (default 30000; SQLite: its
whole run, default 15000). \`sawtooth workers\` lists the live ones.`;

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
  const workerId = newWorkerId();
  const presence = await startWorkerPresence(store, { id: workerId });
  const worker = createWorker(store, {
    workerId,
    presence,
    leaseMs: flags['lease-ms'],
    onRunEnd: (runId, status, message) => io.stderr(`run ${runId} ${status}${message ? `: ${message}` : ''}\n`),
    onChunkEnd: (runId, chunk) => io.stderr(`run ${runId} chunk ${chunk} done\n`),
    onLoopError: reportOnce(io),
  });
  io.stderr(`worker ${worker.id} started (pid ${process.pid}, ${store.dialect === 'pg' ? 'PostgreSQL, chunked runs' : 'SQLite'})\n`);
  if (flags.once) {
    try {
      while (await worker.runOnce()) {
        // keep claiming until the queue is empty
      }
    } finally {
      await worker.close();
    }
    return 0;
  }
  const stopped = new Promise<void>((resolve) => {
    const stop = () => void worker.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  worker.start();
  await stopped; // stop() gave the chunk or run in hand back, stopped pg-boss and left the registry
  return 0;
}

/** A failing claim is reported once per distinct message, not on every poll (the loop keeps trying). */
function reportOnce(io: CommandIO): (error: Error) => void {
  let last = '';
  return (error) => {
    if (error.message === last) return;
    last = error.message;
    io.stderr(`worker: ${error.message} (still trying)\n`);
  };
}

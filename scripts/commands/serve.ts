import { resolve } from 'node:path';
import { z } from 'zod';
import { startServer } from '../../ml/serve/start-server';
import { CliError, parseFlags, type Command } from '../command';

const usage = `usage: sawtooth serve [--port 8808] [--host 127.0.0.1] [--checkpoints DIR] [--max-batch N] [--batch-window-ms MS]

Serves every checkpoint in DIR (default: the repo's checkpoints/) over an OpenAI-compatible API:
GET /healthz, GET /v1/models, POST /v1/chat/completions (stream: true for SSE). Models: each checkpoint
(e.g. ctm-parity) and one router per architecture (sawtooth-ctm, sawtooth-transformer, sawtooth-lstm).
Concurrent requests to one checkpoint within --batch-window-ms (default 3) share a forward pass of up to
--max-batch (default 16) prompts. Runs until interrupted (Ctrl-C).`;

const FlagsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8808),
  host: z.string().min(1).default('127.0.0.1'),
  checkpoints: z.string().min(1).optional(),
  'max-batch': z.coerce.number().int().min(1).max(256).default(16),
  'batch-window-ms': z.coerce.number().min(0).max(1000).default(3),
});

const options = {
  port: { type: 'string' }, host: { type: 'string' }, checkpoints: { type: 'string' },
  'max-batch': { type: 'string' }, 'batch-window-ms': { type: 'string' },
} as const;

const CHECKPOINTS_DIR = new URL('../../checkpoints/', import.meta.url).pathname;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the local CTM / Transformer / LSTM checkpoints over an OpenAI-compatible API',
  usage,
  async run(args, io) {
    const { flags } = parseFlags(args, options, FlagsSchema);
    const checkpointsDir = flags.checkpoints ? resolve(flags.checkpoints) : CHECKPOINTS_DIR;
    let server;
    try {
      server = await startServer({
        checkpointsDir,
        port: flags.port,
        host: flags.host,
        batching: { maxBatch: flags['max-batch'], windowMs: flags['batch-window-ms'] },
        log: io.stderr,
      });
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE') throw new CliError(`--port: ${flags.port} is already in use on ${flags.host}`);
      throw new CliError((error as Error).message);
    }
    io.stdout(`${server.url}\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};

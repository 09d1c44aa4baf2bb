import { resolve } from 'node:path';
import { z } from 'zod';
import { startServer } from '../../ml/serve/start-server';
import { CliError, parseFlags, type Command } from '../command';
import { openBindCheck } from '../../server/auth/bind-guard';
import { env } from '../../server/env';

const usage = `usage: sawtooth serve [--port 8808] [--host 127.0.0.1] [--checkpoints DIR] [--max-batch N] [--batch-window-ms MS] [--insecure-public]

Serves every checkpoint in DIR (default: the repo's checkpoints/) over an OpenAI-compatible API:
GET /healthz, GET /v1/models, POST /v1/chat/completions (stream: true for SSE). Models: each checkpoint
(e.g. ctm-parity) and one router per architecture (sawtooth-ctm, sawtooth-transformer, sawtooth-lstm).
Concurrent requests to one checkpoint within --batch-window-ms (default 3) share a forward pass of up to
--max-batch (default 16) prompts. Runs until interrupted (Ctrl-C). The default port is SAWTOOTH_CHECKPOINT_PORT or
8808. It has no authentication: a host other than loopback needs --insecure-public.`;

const FlagsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(env().SAWTOOTH_CHECKPOINT_PORT ?? 8808),
  host: z.string().min(1).default('127.0.0.1'),
  checkpoints: z.string().min(1).optional(),
  'max-batch': z.coerce.number().int().min(1).max(256).default(16),
  'batch-window-ms': z.coerce.number().min(0).max(1000).default(3),
  'insecure-public': z.boolean().optional(),
});

const options = {
  port: { type: 'string' }, host: { type: 'string' }, checkpoints: { type: 'string' },
  'max-batch': { type: 'string' }, 'batch-window-ms': { type: 'string' }, 'insecure-public': { type: 'boolean' },
} as const;

const CHECKPOINTS_DIR = new URL('../../checkpoints/', import.meta.url).pathname;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the local CTM / Transformer / LSTM checkpoints over an OpenAI-compatible API',
  usage,
  async run(args, io) {
    const { flags } = parseFlags(args, options, FlagsSchema);
    // The checkpoint server checks no token, so SAWTOOTH_AUTH_TOKEN does not protect it: only the flag opens it up.
    const bind = openBindCheck({
      host: flags.host, protectedByToken: false, override: Boolean(flags['insecure-public']), overrideFlag: '--insecure-public',
      what: 'the checkpoint server', remedy: 'it checks no token (put it behind an authenticating proxy)',
    });
    if (bind && 'refuse' in bind) throw new CliError(bind.refuse, 2);
    if (bind) io.stderr(`sawtooth: ${bind.warn}\n`);
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

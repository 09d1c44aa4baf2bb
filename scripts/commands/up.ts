import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { configModels } from '../../db/queries/models';
import { liveRunOf } from '../../db/queries/run-lookups';
import { suiteKeyOf } from '../../db/queries/suite-lookups';
import { loadSuite } from '../../evals/suites';
import { childEnv, env as serverEnv, readApiKey } from '../../server/env';
import { createRun } from '../../server/runner/create-run';
import { startChild, runToEnd, waitForHttp } from '../child-process';
import { probeCheckpointServer } from '../checkpoint-server-probe';
import { openBindCheck } from '../../server/auth/bind-guard';
import { CliError, parseFlags, type Command } from '../command';
import { openCliStore } from '../open-db';
import type { Store } from '../../db/store';

const usage = `usage: sawtooth up [--port 3000] [--host 127.0.0.1] [--checkpoint-port 8808] [--no-eval] [--rebuild] [--insecure-no-auth]

The main job: builds the dashboard if needed, starts the local checkpoint server (CTM, Transformer, LSTM), starts
the dashboard, and evaluates every configured model on the default suites (skipping what is already done).
PORT and HOSTNAME are honoured as by \`next start\` when --port / --host are not given. --checkpoint-port overrides
localServer.port of the config. A host other than loopback needs SAWTOOTH_AUTH_TOKEN (or --insecure-no-auth).`;

const root = fileURLToPath(new URL('../..', import.meta.url));
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const sawtoothBin = path.join(root, 'bin', 'sawtooth.mjs');

function hasCheckpoints(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir, { withFileTypes: true }).some((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'config.json')));
}

/** Queues a run for every configured model × default suite that has no finished or pending run at this suite version. */
async function queueDefaultRuns(store: Store, suiteIds: string[], localUp: boolean, localBase: string, log: (s: string) => void): Promise<number> {
  let queued = 0;
  for (const suiteId of suiteIds) {
    const suite = loadSuite(suiteId);
    const suiteKey = await suiteKeyOf(store, suite.id, suite.version);
    for (const model of await configModels(store)) {
      if (model.baseUrl?.startsWith(localBase) && !localUp) continue;
      if (model.apiKeyEnv && !readApiKey(model.apiKeyEnv)) {
        log(`skipping ${model.id}: ${model.apiKeyEnv} is not set`);
        continue;
      }
      const existing = suiteKey !== undefined && (await liveRunOf(store, model.id, suiteKey));
      if (existing) continue;
      await createRun(store, { modelId: model.id, suite, settings: { concurrency: 8 } });
      queued++;
    }
  }
  return queued;
}

export const upCommand: Command = {
  name: 'up',
  summary: 'build and start the dashboard, the local model server, and the default evaluations',
  usage,
  async run(args, io) {
    const { flags } = parseFlags(
      args,
      {
        port: { type: 'string' }, host: { type: 'string' }, 'checkpoint-port': { type: 'string' }, 'no-eval': { type: 'boolean' },
        rebuild: { type: 'boolean' }, 'insecure-no-auth': { type: 'boolean' },
      },
      z.object({
        port: z.coerce.number().int().min(1).max(65535).default(serverEnv().PORT ?? 3000),
        host: z.string().min(1).default(serverEnv().HOSTNAME ?? '127.0.0.1'),
        'checkpoint-port': z.coerce.number().int().min(1).max(65535).optional(),
        'no-eval': z.boolean().optional(),
        rebuild: z.boolean().optional(),
        'insecure-no-auth': z.boolean().optional(),
      }),
    );
    const log = (s: string) => io.stderr(`sawtooth: ${s}\n`);
    // Seconds since `up` began, on the lines that end a phase: where a slow first start spends its time (and what
    // `bench up` reads to say so).
    const began = performance.now();
    const elapsed = () => `${((performance.now() - began) / 1000).toFixed(1)} s`;
    const bind = openBindCheck({
      host: flags.host, protectedByToken: serverEnv().SAWTOOTH_AUTH_TOKEN !== undefined, override: Boolean(flags['insecure-no-auth']),
      overrideFlag: '--insecure-no-auth', what: 'the dashboard', remedy: 'set SAWTOOTH_AUTH_TOKEN',
    });
    if (bind && 'refuse' in bind) throw new CliError(bind.refuse, 2);
    if (bind) log(bind.warn);
    const { store, config } = await openCliStore({ checkpointPort: flags['checkpoint-port'] });
    const children: ChildProcess[] = [];
    const stopChildren = () => {
      for (const child of children) if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
    };

    // 1. The local checkpoint server (when there are checkpoints to serve) and the first build start together: on a
    // fresh clone the build is most of the wait, and the checkpoint server's start-up fits inside it.
    const local = config.localServer;
    const localBase = `http://127.0.0.1:${local.port}`;
    const checkpointsDir = path.resolve(local.checkpoints);
    const startLocalServer = async (): Promise<boolean> => {
      if (!local.enabled || !hasCheckpoints(checkpointsDir)) return false;
      const serveArgs = [sawtoothBin, 'serve', '--port', String(local.port), '--checkpoints', checkpointsDir];
      const found = await probeCheckpointServer(localBase);
      if (found === 'ours') {
        log(`reusing the checkpoint server already on ${localBase}`);
        return true;
      }
      if (found === 'other') {
        log(`port ${local.port} is held by another program (its /healthz is not a Sawtooth checkpoint server's): local models are skipped; free the port or pass --checkpoint-port N`);
        return false;
      }
      log(`starting the checkpoint server on ${localBase}`);
      const child = startChild('serve', process.execPath, serveArgs, { cwd: process.cwd() });
      children.push(child);
      try {
        await waitForHttp(`${localBase}/healthz`, 180_000, child);
        log(`checkpoint server ready after ${elapsed()}`);
        return true;
      } catch (error) {
        log(`the checkpoint server did not start (${(error as Error).message}); reproduce with: node ${serveArgs.join(' ')}`);
        return false;
      }
    };

    // 2. The dashboard: build once (no type check or lint here: `npm test` does both), then serve on loopback.
    // Absolute paths, so that the dashboard server reads the same database and config whatever its cwd.
    const allowedHosts = [...serverEnv().SAWTOOTH_ALLOWED_HOSTS, flags.host].join(',');
    const env = childEnv({ NEXT_TELEMETRY_DISABLED: '1', SAWTOOTH_ALLOWED_HOSTS: allowedHosts, SAWTOOTH_CHECKPOINT_PORT: String(local.port), SAWTOOTH_DB: path.resolve(serverEnv().SAWTOOTH_DB), SAWTOOTH_CONFIG: path.resolve(serverEnv().SAWTOOTH_CONFIG) });
    const needsBuild = flags.rebuild || !existsSync(path.join(root, '.next', 'BUILD_ID'));
    if (needsBuild) log('building the dashboard (first start only)…');
    const build = needsBuild ? runToEnd(process.execPath, [nextBin, 'build'], { cwd: root, env }) : Promise.resolve();
    // Without this, a failed build would be an unhandled rejection while we wait for the checkpoint server.
    build.catch(() => undefined);

    // 3. Queue the evaluations as soon as the checkpoint server answers (the build may still be running): the
    // dashboard server's own worker answers them once it starts.
    const localUp = await startLocalServer();
    if (!flags['no-eval']) {
      const queued = await queueDefaultRuns(store, config.defaultSuites, localUp, localBase, log);
      log(queued > 0 ? `queued ${queued} evaluation run(s)` : 'every configured model is already evaluated');
    }
    try {
      await build;
      if (needsBuild) log(`dashboard built after ${elapsed()}`);
    } catch (error) {
      stopChildren();
      throw new CliError(`the dashboard did not build: ${(error as Error).message}`);
    }
    const next = startChild('next', process.execPath, [nextBin, 'start', '-H', flags.host, '-p', String(flags.port)], { cwd: root, env });
    children.push(next);
    const url = `http://${flags.host}:${flags.port}`;
    try {
      await waitForHttp(url, 60_000, next);
    } catch (error) {
      stopChildren();
      throw new CliError(`the dashboard did not start: ${(error as Error).message}`);
    }
    log(`dashboard answering after ${elapsed()}`);
    io.stdout(`Sawtooth is running at ${url}  (Ctrl-C stops it)\n`);

    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      next.once('exit', stop);
    });
    log('stopping…');
    stopChildren();
    return 0;
  },
};

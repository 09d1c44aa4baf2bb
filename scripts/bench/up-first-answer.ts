import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from '../../server/env';
import { freePort } from '../../testing/browser/next-server';
import { runToEnd } from '../child-process';
import { fmt, type Benchmark } from './benchmark';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A fresh clone as a new user has it after `npm ci`: the repository's files (as `git ls-files` lists them) and
 * node_modules (hard links: same bytes, no copy), but no `.next` build and no database.
 */
function freshClone(dir: string): string {
  const clone = path.join(dir, 'clone');
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    try {
      cpSync(path.join(root, file), path.join(clone, file));
    } catch {
      // a file deleted in the working tree but not yet committed
    }
  }
  execFileSync('cp', ['-al', path.join(root, 'node_modules'), path.join(clone, 'node_modules')]);
  return clone;
}

/**
 * CPU seconds (user + system) used so far by this process's finished, waited-for children and theirs, from
 * /proc/self/stat (cutime + cstime, in the kernel's fixed 100 ticks a second); null where there is no /proc.
 */
function childCpuSeconds(): number | null {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[16 - 3]) + Number(fields[17 - 3])) / 100;
  } catch {
    return null;
  }
}

/** One line `sawtooth up` logged (without its "sawtooth: " prefix) and when it arrived, s after the spawn. */
interface Phase {
  at: number;
  line: string;
}

/**
 * Seconds from spawning `sawtooth up` to the dashboard's first 200 on `/`, and the lines `up` logged on the way (the
 * phases: checkpoint server ready, dashboard built, answering); then stops it by its PID.
 */
async function timeUp(clone: string, dir: string): Promise<{ seconds: number; phases: Phase[] }> {
  const shipped = JSON.parse(readFileSync(path.join(clone, 'sawtooth.config.json'), 'utf8')) as {
    models: { baseURL: string }[];
    localServer: Record<string, unknown>;
  };
  const localPort = await freePort();
  for (const model of shipped.models) model.baseURL = model.baseURL.replace(':8808', `:${localPort}`);
  shipped.localServer = { ...shipped.localServer, port: localPort, checkpoints: path.join(clone, 'checkpoints') };
  const config = path.join(dir, 'sawtooth.config.json');
  writeFileSync(config, JSON.stringify(shipped));
  const port = await freePort();
  const started = performance.now();
  const up = spawn(process.execPath, [path.join(clone, 'bin', 'sawtooth.mjs'), 'up', '--port', String(port)], {
    cwd: clone,
    env: childEnv({ SAWTOOTH_DB: path.join(dir, 'sawtooth.db'), SAWTOOTH_CONFIG: config, NEXT_TELEMETRY_DISABLED: '1' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const phases: Phase[] = [];
  up.stderr?.on('data', (chunk: Buffer) => {
    const at = (performance.now() - started) / 1000;
    output = (output + chunk.toString()).slice(-4000);
    for (const line of chunk.toString().split('\n')) if (line.startsWith('sawtooth: ')) phases.push({ at, line: line.slice('sawtooth: '.length) });
  });
  try {
    for (;;) {
      if (up.exitCode !== null) throw new Error(`sawtooth up exited with ${up.exitCode}: ${output}`);
      if (performance.now() - started > 900_000) throw new Error(`no answer within 15 min: ${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5_000) });
        if (res.ok) return { seconds: (performance.now() - started) / 1000, phases };
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    if (up.pid && up.exitCode === null) {
      const exited = new Promise((resolve) => up.once('exit', resolve));
      process.kill(up.pid, 'SIGTERM');
      await exited;
    }
  }
}

export const upFirstAnswer: Benchmark = {
  names: ['up.first_answer_s'],
  summary: 'seconds from `sawtooth up` on a fresh clone (no build, no database) to the first dashboard answer, against `next build` alone in the same clone',
  async run(ctx) {
    const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-bench-up-'));
    try {
      const clone = freshClone(dir);
      // `up` first, on the cold clone, as a user meets it; the build alone second (it then has a warm disk cache).
      const { seconds: up, phases } = await timeUp(clone, dir);
      ctx.result('up.first_answer_s', Number(up.toFixed(1)), 's');
      ctx.note(`phases of up (s after the spawn): ${phases.map((p) => `${fmt(p.at, 1)} ${p.line}`).join('; ')}`);
      rmSync(path.join(clone, '.next'), { recursive: true, force: true });
      const cpuBefore = childCpuSeconds();
      const started = performance.now();
      await runToEnd(process.execPath, [path.join(clone, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
        cwd: clone,
        env: childEnv({ NEXT_TELEMETRY_DISABLED: '1' }),
        quiet: true,
      });
      const build = (performance.now() - started) / 1000;
      const cpuAfter = childCpuSeconds();
      ctx.note(`baseline: \`next build\` alone in the same clone ${fmt(build, 1)} s; up / build = ${fmt(up / build, 2)} (target: first answer ≤ 60 s)`);
      // The build's own CPU time does not depend on the machine's load; its wall time does. Their ratio is the share of
      // the cores the build actually got, which says whether a slow first start is the code or a busy machine.
      if (cpuBefore !== null && cpuAfter !== null) {
        const cpu = cpuAfter - cpuBefore;
        ctx.note(`the build alone used ${fmt(cpu, 1)} CPU-s in ${fmt(build, 1)} s: ${fmt(cpu / build, 2)} of a core on average`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

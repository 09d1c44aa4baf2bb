import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lockDir = path.join(root, '.next-build.lock');

/** A cross-process lock (mkdir is atomic): two test runs on one machine must not build into .next at once. */
async function withBuildLock<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > 10 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // the other build just finished
      }
      if (Date.now() > deadline) throw new Error('waited 15 minutes for another next build to finish');
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Browser tests run against the production build of the current sources: build it once per test run. */
export default async function setup(): Promise<void> {
  await withBuildLock(() => {
    const res = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      stdio: 'pipe',
    });
    if (res.status !== 0) throw new Error(`next build failed:\n${res.stdout}\n${res.stderr}`);
  });
}

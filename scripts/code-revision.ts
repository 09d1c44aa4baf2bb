import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The code that wrote a run log: the git commit (with "-dirty" for uncommitted changes) when this is a clone,
 * else the package version.
 */
export function codeRevision(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty', '--abbrev=12'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version?: string };
    return `package ${pkg.version ?? 'unknown'}`;
  }
}

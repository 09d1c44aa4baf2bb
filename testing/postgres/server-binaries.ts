import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Where Debian's `postgresql-<major>` packages put the server binaries (not on PATH by default). */
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** What to install when nothing is found: named in the one line the skipped tests print. */
export const INSTALL_HINT = "install PostgreSQL's server binaries (Debian: apt-get install postgresql) so that initdb, pg_ctl and postgres are found";

export interface PostgresBinaries {
  /** The folder holding initdb, pg_ctl, postgres and createdb. */
  dir: string;
  initdb: string;
  pgCtl: string;
  createdb: string;
}

/** The absolute path of `name` on the PATH of this process, or null (asks the shell, which reads PATH for us). */
function onPath(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const line = found.status === 0 ? found.stdout.trim() : '';
  return line.startsWith('/') ? line : null;
}

function inDir(dir: string): PostgresBinaries | null {
  const names = ['initdb', 'pg_ctl', 'postgres', 'createdb'];
  if (!names.every((n) => existsSync(path.join(dir, n)))) return null;
  return { dir, initdb: path.join(dir, 'initdb'), pgCtl: path.join(dir, 'pg_ctl'), createdb: path.join(dir, 'createdb') };
}

/** Where to look: PATH and Debian's folder by default; a test points them at folders of its own. */
export interface BinarySearch {
  onPath: (name: string) => string | null;
  debianRoot: string;
}

/**
 * The PostgreSQL server binaries: initdb on PATH (its real folder, since Debian links only some of them into PATH),
 * else the newest major under /usr/lib/postgresql/<major>/bin; null when there are none.
 */
export function findPostgresBinaries(search: BinarySearch = { onPath, debianRoot: DEBIAN_ROOT }): PostgresBinaries | null {
  const initdb = search.onPath('initdb');
  if (initdb) {
    const found = inDir(path.dirname(realpathSync(initdb))) ?? inDir(path.dirname(initdb));
    if (found) return found;
  }
  if (!existsSync(search.debianRoot)) return null;
  const majors = readdirSync(search.debianRoot)
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const found = inDir(path.join(search.debianRoot, major, 'bin'));
    if (found) return found;
  }
  return null;
}

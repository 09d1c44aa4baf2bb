import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';
import { findPostgresBinaries, INSTALL_HINT, type PostgresBinaries } from './server-binaries';

const run = promisify(execFile);

/** The superuser of every throwaway cluster (initdb -U); its password is random per cluster. */
const SUPERUSER = 'sawtooth';

export interface ThrowawayCluster {
  /** postgres://sawtooth:<password>@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  password: string;
  /** The postmaster's PID. */
  pid: number;
  /** The temp folder holding the data, the socket and the server log (removed by stop). */
  dir: string;
  /** A new empty database in this cluster; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (pg_ctl stop -m fast, by the data folder's postmaster PID) and removes its folder. */
  stop(): Promise<void>;
}

/**
 * initdb refuses to run as root: as root (CI, this kind of machine) every server binary runs as the `postgres` user
 * (created by Debian's package) through runuser, in a folder chowned to it.
 */
export function runAsFor(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error("running as root, and initdb refuses root: no 'postgres' user to run it as (Debian's postgresql package creates one)");
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Settings for a disposable test server: loopback only, socket in its own folder, durability off (nothing to keep). */
function serverSettings(port: number, socketDir: string): string {
  return [
    '',
    "listen_addresses = '127.0.0.1'",
    `port = ${port}`,
    `unix_socket_directories = '${socketDir}'`,
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    'max_connections = 40',
    'shared_buffers = 64MB',
    '',
  ].join('\n');
}

/** Starts a new PostgreSQL cluster in a temp folder on a free loopback port. Throws when no binaries are found. */
export async function startThrowawayCluster(binaries: PostgresBinaries | null = findPostgresBinaries()): Promise<ThrowawayCluster> {
  if (!binaries) throw new Error(`no PostgreSQL server binaries: ${INSTALL_HINT}`);
  const owner = runAsFor();
  const exec = (file: string, args: string[]) => (owner ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args));
  const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const password = randomBytes(12).toString('hex');
  const pwfile = path.join(dir, 'password');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  writeFileSync(log, '');
  if (owner) for (const p of [dir, pwfile, log]) chownSync(p, owner.uid, owner.gid);

  const stopSync = () => {
    if (existsSync(path.join(data, 'postmaster.pid'))) spawnSync(owner ? 'runuser' : binaries.pgCtl, [...(owner ? ['-u', 'postgres', '--', binaries.pgCtl] : []), 'stop', '-D', data, '-m', 'immediate']);
    rmSync(dir, { recursive: true, force: true });
  };
  // A test process that dies without calling stop() must not leave a server behind.
  process.once('exit', stopSync);
  try {
    // Sockets trust (the folder is private to this cluster); TCP needs the password, so wrong credentials can be tested.
    await exec(binaries.initdb, ['-D', data, '-U', SUPERUSER, `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await startOnFreePort(exec, binaries, data, dir, log);
    const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const urlFor = (db: string) => `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${db}`;
    return {
      url: urlFor('postgres'),
      port,
      password,
      pid,
      dir,
      async createDatabase(name) {
        await run(binaries.createdb, ['-h', dir, '-p', String(port), '-U', SUPERUSER, name]);
        return urlFor(name);
      },
      async stop() {
        process.removeListener('exit', stopSync);
        try {
          await exec(binaries.pgCtl, ['stop', '-D', data, '-m', 'fast', '-w']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-5).join(' | ') : '';
    process.removeListener('exit', stopSync);
    stopSync();
    throw new Error(`throwaway PostgreSQL cluster did not start: ${(error as Error).message.trim()}${tail ? ` (server log: ${tail})` : ''}`, { cause: error });
  }
}

/** pg_ctl start on a free port; a port taken between the probe and the start is retried on another. */
async function startOnFreePort(
  exec: (file: string, args: string[]) => Promise<unknown>,
  binaries: PostgresBinaries,
  data: string,
  dir: string,
  log: string,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    // Appended: the last setting of a name wins, so a retry's port replaces the one before.
    appendFileSync(path.join(data, 'postgresql.conf'), serverSettings(port, dir));
    try {
      await exec(binaries.pgCtl, ['start', '-D', data, '-l', log, '-w', '-t', '120']);
      return port;
    } catch (error) {
      if (attempt >= 3 || !readFileSync(log, 'utf8').includes('could not bind')) throw error;
    }
  }
}

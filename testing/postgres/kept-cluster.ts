import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port';
import { findPostgresBinaries, INSTALL_HINT, type PostgresBinaries } from './server-binaries';
import { runAsFor } from './throwaway-cluster';

const run = promisify(execFile);

const SUPERUSER = 'sawtooth';

/**
 * Settings of a benchmark cluster, written once at initdb: loopback only, its socket in its own folder, durability
 * off (the data is re-creatable by seeding; reads are timed, and no read waits on fsync). Shared buffers and every
 * planner setting keep PostgreSQL's defaults, as an untuned server would have them.
 */
function clusterSettings(socketDir: string): string {
  return ['', "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${socketDir}'`, 'fsync = off', 'synchronous_commit = off',
    'full_page_writes = off', 'max_connections = 40', ''].join('\n');
}

export interface KeptCluster {
  /** postgres://sawtooth:<password>@127.0.0.1:<port>/<database> */
  url(database: string): string;
  /** The postmaster's PID (a new one after each restart). */
  readonly pid: number;
  /** Creates the database unless it exists. */
  ensureDatabase(name: string): Promise<void>;
  /** Stops and starts the server on the same data and port: its shared buffers and every backend's caches start empty. */
  restart(): Promise<void>;
  /** Stops the server (pg_ctl stop -m fast); the data folder stays for the next start. */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL cluster whose data folder is kept between starts (`dir/data`; initdb on first use), started on a
 * free loopback port: the benchmarks seed ten million results into one once and reuse it, as they reuse their
 * SQLite file. A server left running by an interrupted run is stopped first (it holds this folder). As root, the
 * binaries run as the `postgres` user (initdb refuses root), as for the throwaway clusters.
 */
export async function startKeptCluster(dir: string, binaries: PostgresBinaries | null = findPostgresBinaries()): Promise<KeptCluster> {
  if (!binaries) throw new Error(`no PostgreSQL server binaries: ${INSTALL_HINT}`);
  const root = path.resolve(dir);
  const data = path.join(root, 'data');
  const log = path.join(root, 'server.log');
  const passwordFile = path.join(root, 'password');
  const owner = runAsFor();
  const exec = (file: string, args: string[]) => (owner ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args));
  const pgCtl = (args: string[]) => exec(binaries.pgCtl, ['-D', data, ...args]);

  if (!existsSync(path.join(data, 'PG_VERSION'))) {
    if (existsSync(data)) throw new Error(`${data} exists but holds no PostgreSQL cluster: remove it or choose another folder`);
    mkdirSync(root, { recursive: true });
    writeFileSync(passwordFile, `${randomBytes(12).toString('hex')}\n`, { mode: 0o600 });
    writeFileSync(log, '');
    if (owner) for (const p of [root, passwordFile, log]) chownSync(p, owner.uid, owner.gid);
    await exec(binaries.initdb, ['-D', data, '-U', SUPERUSER, `--pwfile=${passwordFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
    appendFileSync(path.join(data, 'postgresql.conf'), clusterSettings(root));
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  if (existsSync(path.join(data, 'postmaster.pid'))) await pgCtl(['stop', '-m', 'fast', '-w']).catch(() => undefined);

  const stopSync = () => {
    if (existsSync(path.join(data, 'postmaster.pid'))) {
      spawnSync(owner ? 'runuser' : binaries.pgCtl, [...(owner ? ['-u', 'postgres', '--', binaries.pgCtl] : []), '-D', data, 'stop', '-m', 'fast']);
    }
  };
  // A bench that dies without calling stop() must not leave a server behind.
  process.once('exit', stopSync);

  let port = 0;
  const start = async (attempts: number) => {
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1 || port === 0) port = await freePort();
      try {
        await pgCtl(['start', '-l', log, '-w', '-t', '300', '-o', `-p ${port}`]);
        return;
      } catch (error) {
        if (attempt >= attempts || !readFileSync(log, 'utf8').includes('could not bind')) {
          const tail = readFileSync(log, 'utf8').trim().split('\n').slice(-5).join(' | ');
          throw new Error(`PostgreSQL cluster in ${root} did not start: ${(error as Error).message.trim()} (server log: ${tail})`, { cause: error });
        }
      }
    }
  };
  const postmasterPid = () => Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const url = (database: string) => `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${database}`;

  await start(3);
  let pid = postmasterPid();
  return {
    url,
    get pid() {
      return pid;
    },
    async ensureDatabase(name) {
      if (!/^\w+$/.test(name)) throw new Error(`database name: letters, digits and _ only, got ${JSON.stringify(name)}`);
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
    },
    async restart() {
      await pgCtl(['stop', '-m', 'fast', '-w']);
      await start(1);
      pid = postmasterPid();
    },
    async stop() {
      process.removeListener('exit', stopSync);
      await pgCtl(['stop', '-m', 'fast', '-w']);
    },
  };
}

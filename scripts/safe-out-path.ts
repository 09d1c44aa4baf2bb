import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { CliError } from './command';

const SQLITE_MAGIC = 'SQLite format 3\0';

function startsWithSqliteMagic(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks an `--out` file before anything opens it for writing (which truncates it): never the live database or
 * its WAL, never any other SQLite database, and the folder must exist. Each refusal is one line naming --out.
 */
export function checkOutPath(out: string, liveDb: string): string {
  const target = path.resolve(out);
  const real = (file: string) => (existsSync(file) ? realpathSync(file) : path.resolve(file));
  const live = real(liveDb);
  if ([live, `${live}-wal`, `${live}-shm`, `${live}-journal`].includes(real(target))) {
    throw new CliError(`--out: ${out} is the live database (SAWTOOTH_DB); write the export to another file`, 2);
  }
  const folder = path.dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(`--out: the folder ${path.dirname(out)} does not exist`, 2);
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new CliError(`--out: ${out} is a folder; give a file name`, 2);
    if (startsWithSqliteMagic(target)) throw new CliError(`--out: ${out} is an SQLite database; refusing to overwrite it`, 2);
  }
  return target;
}

import { ConfigError } from '../server/models/model-config';
import { EnvError } from '../server/env';
import { StoreError } from '../server/runner/store-retry';

/**
 * One clear line for a failure the user can act on that is not a CliError: a bad environment, a locked or full
 * database, a missing folder. Null for anything else — a bug, whose stack trace is worth seeing.
 */
export function failureLine(error: unknown): string | null {
  if (error instanceof EnvError || error instanceof ConfigError || error instanceof StoreError) return error.message;
  const { code, path } = error as { code?: unknown; path?: unknown };
  if (typeof code !== 'string') return null;
  const where = typeof path === 'string' ? `${path}: ` : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return `the database is locked by another process for too long (${code}), e.g. a large import: try again when it is done; nothing stored was lost`;
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `${where}the disk is full (${code}): free some space and try again; nothing stored was lost`;
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') return `the database file cannot be written or opened (${code}): check SAWTOOTH_DB and its folder's permissions`;
  if (code === 'ENOENT') return `${where}no such file or folder`;
  if (code === 'EACCES' || code === 'EPERM') return `${where}permission denied`;
  if (code === 'EISDIR') return `${where}is a folder, not a file`;
  return null;
}

import type { SqlRunner } from '../../db/store';
import type { Suite } from '../../evals/contracts';
import { builtInSuites, loadBuiltInSuite } from './built-in-suites';
import { listUserSuiteRows } from '../../db/queries/user-suites';
import { loadUserSuite } from './user-suite-store';

/**
 * A suite by id for a run or an export: a user suite from the database first, else a built-in suite (or a suite
 * file path) through evals/suites, which cannot see the database. Throws SuiteError for an unknown id.
 */
export async function resolveSuite(db: SqlRunner, idOrPath: string): Promise<Suite> {
  return (await loadUserSuite(db, idOrPath)) ?? loadBuiltInSuite(idOrPath);
}

export interface SuiteListEntry {
  id: string;
  title: string;
  kind: 'built-in' | 'user';
}

/** Every suite a run can use: the built-in ones, then the user suites. */
export async function listRunnableSuites(db: SqlRunner): Promise<SuiteListEntry[]> {
  return [
    ...builtInSuites().map((s) => ({ ...s, kind: 'built-in' as const })),
    ...(await listUserSuiteRows(db)).map((s) => ({ id: s.id, title: s.title, kind: 'user' as const })),
  ];
}

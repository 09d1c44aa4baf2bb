import type { SqlRunner } from '../../db/store';
import { SuiteIdSchema, type Family, type Pair, type Suite } from '../../evals/contracts';
import type { SuiteIssue } from '../../evals/suites';
import { builtInSuites } from './built-in-suites';
import { getUserSuiteRow } from '../../db/queries/user-suites';
import { loadUserSuite, saveUserSuite } from './user-suite-store';

/** Where each appended pair came from, so that a problem can name the line of the file (or the form field). */
export interface PairOrigin {
  file: string;
  line?: number;
  /** Prefix for a field name, e.g. "" for a file line, or "pair." for the form. */
  field?: string;
}

export type AppendResult =
  | { ok: true; suite: Suite; suiteKey: number; added: number }
  | { ok: false; issues: SuiteIssue[] };

/** A user suite id must be a valid suite id and must not shadow a built-in suite. */
export function checkUserSuiteId(id: string): string | null {
  const parsed = SuiteIdSchema.safeParse(id);
  if (!parsed.success) return parsed.error.issues[0]!.message;
  if (builtInSuites().some((s) => s.id === id)) return `"${id}" is a built-in suite: choose another id for your own suite`;
  return null;
}

/**
 * Adds families and pairs to a user suite (created when it does not exist yet) as one new version. Everything is
 * checked first (suite id, pair ids unique in the suite, prompts unique in their family, every pair's family known);
 * on any problem nothing is written and every problem is returned, each naming its origin.
 */
export async function appendPairs(
  db: SqlRunner,
  target: { id: string; title?: string; description?: string },
  families: Family[],
  pairs: Array<{ pair: Pair; origin: PairOrigin }>,
): Promise<AppendResult> {
  const idProblem = checkUserSuiteId(target.id);
  if (idProblem) return { ok: false, issues: [{ file: pairs[0]?.origin.file ?? 'suite', field: 'suite', message: idProblem }] };
  const existing = await loadUserSuite(db, target.id);
  const row = await getUserSuiteRow(db, target.id);
  const allFamilies = [...(existing?.families ?? [])];
  for (const family of families) if (!allFamilies.some((f) => f.id === family.id)) allFamilies.push(family);
  const familyIds = new Set(allFamilies.map((f) => f.id));

  const issues: SuiteIssue[] = [];
  const pairIds = new Map((existing?.pairs ?? []).map((p) => [p.id, 'this suite']));
  const prompts = new Map<string, string>();
  for (const p of existing?.pairs ?? []) for (const tier of ['easy', 'hard'] as const) prompts.set(`${p.family}\u0000${p[tier].prompt}`, p.id);

  for (const { pair, origin } of pairs) {
    // A CSV names its columns easy_prompt, hard_answer …: say the column the person can find.
    const named = (field: string) => (/\.csv$/i.test(origin.file) ? field.replace('.', '_') : field);
    const at = (field: string, message: string) => issues.push({ file: origin.file, line: origin.line, field: `${origin.field ?? ''}${named(field)}`, message });
    if (!familyIds.has(pair.family)) at('family', `unknown family "${pair.family}": declare it (id, domain, title, description, pair rule)`);
    const earlier = pairIds.get(pair.id);
    if (earlier !== undefined) at('id', `pair id "${pair.id}" is already in ${earlier}`);
    pairIds.set(pair.id, origin.line !== undefined ? `line ${origin.line}` : 'this suite');
    for (const tier of ['easy', 'hard'] as const) {
      const key = `${pair.family}\u0000${pair[tier].prompt}`;
      const same = prompts.get(key);
      if (same !== undefined) at(`${tier}.prompt`, `same prompt as pair "${same}" in this family`);
      else prompts.set(key, pair.id);
    }
  }
  if (pairs.length === 0) issues.push({ file: 'suite', message: 'no pairs to add' });
  if (issues.length > 0) return { ok: false, issues };

  const used = new Set(pairs.map((p) => p.pair.family));
  const keptFamilies = allFamilies.filter((f) => used.has(f.id) || existing?.pairs.some((p) => p.family === f.id));
  const head = {
    id: target.id,
    title: target.title ?? row?.title ?? target.id,
    description: target.description ?? row?.description ?? '',
  };
  const { suite, suiteKey } = await saveUserSuite(db, head, keptFamilies, [...(existing?.pairs ?? []), ...pairs.map((p) => p.pair)]);
  return { ok: true, suite, suiteKey, added: pairs.length };
}

/** The next free pair key of a family in a suite: "000", "001", … (the same scheme as suite files). */
export function nextPairKey(suite: Suite | undefined, family: string): string {
  const taken = new Set((suite?.pairs ?? []).map((p) => p.id));
  for (let n = (suite?.pairs ?? []).filter((p) => p.family === family).length; ; n++) {
    const key = String(n).padStart(3, '0');
    if (!taken.has(`${family}#${key}`)) return key;
  }
}

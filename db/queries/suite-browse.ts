import type { Db } from '../client';

export interface SuiteFamilyRow {
  id: string;
  domain: string;
  title: string;
  description: string;
  pairRule: string;
  pairs: number;
}

/** The families of one stored suite version with their pair counts (small: one row per family). */
export function suiteFamilies(db: Db, suiteKey: number): SuiteFamilyRow[] {
  return db.$client
    .prepare(
      `SELECT f.id, f.domain, f.title, f.description, f.pair_rule AS pairRule, count(*) AS pairs
       FROM suite_pairs sp JOIN families f ON f.id = sp.family_id
       WHERE sp.suite_key = ? GROUP BY f.id ORDER BY f.domain, f.id`,
    )
    .all(suiteKey) as SuiteFamilyRow[];
}

export interface PairBrowseRow {
  pairId: string;
  family: string;
  domain: string;
  easyPrompt: string;
  easyAnswer: string;
  hardPrompt: string;
  hardAnswer: string;
  grader: string;
}

export interface PairFilter {
  domain?: string;
  family?: string;
  /** Restricts the text search to one tier's prompt and answer. */
  tier?: 'easy' | 'hard';
  /** Case-insensitive substring of the pair id, a prompt or an answer. */
  q?: string;
  limit: number;
  offset: number;
}

/** LIKE pattern for a literal substring (%, _ and \ escaped). */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of a suite version's pairs (position order) matching the filters, and how many match in all. */
export function browsePairs(db: Db, suiteKey: number, filter: PairFilter): { rows: PairBrowseRow[]; total: number } {
  const q = filter.q?.trim() ? likePattern(filter.q.trim()) : null;
  const text =
    filter.tier === 'easy' ? `(e.prompt LIKE @q ESCAPE '\\' OR e.answer LIKE @q ESCAPE '\\')`
    : filter.tier === 'hard' ? `(h.prompt LIKE @q ESCAPE '\\' OR h.answer LIKE @q ESCAPE '\\')`
    : `(sp.pair_id LIKE @q ESCAPE '\\' OR e.prompt LIKE @q ESCAPE '\\' OR e.answer LIKE @q ESCAPE '\\' OR h.prompt LIKE @q ESCAPE '\\' OR h.answer LIKE @q ESCAPE '\\')`;
  const from = `FROM suite_pairs sp JOIN families f ON f.id = sp.family_id
    JOIN probes e ON e.key = sp.easy_probe_key JOIN probes h ON h.key = sp.hard_probe_key
    WHERE sp.suite_key = @suiteKey AND (@domain IS NULL OR f.domain = @domain) AND (@family IS NULL OR sp.family_id = @family)
      AND (@q IS NULL OR ${text})`;
  const params = { suiteKey, domain: filter.domain ?? null, family: filter.family ?? null, q };
  const rows = db.$client
    .prepare(
      `SELECT sp.pair_id AS pairId, sp.family_id AS family, f.domain, e.prompt AS easyPrompt, e.answer AS easyAnswer,
              h.prompt AS hardPrompt, h.answer AS hardAnswer, e.grader AS grader
       ${from} ORDER BY sp.position LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: filter.limit, offset: filter.offset }) as PairBrowseRow[];
  const { total } = db.$client.prepare(`SELECT count(*) AS total ${from}`).get(params) as { total: number };
  return { rows, total };
}

/** Every family in the database (for the "add a pair" form's family picker). */
export function allFamilies(db: Db): Array<Omit<SuiteFamilyRow, 'pairs'>> {
  return db.$client.prepare('SELECT id, domain, title, description, pair_rule AS pairRule FROM families ORDER BY domain, id').all() as Array<Omit<SuiteFamilyRow, 'pairs'>>;
}

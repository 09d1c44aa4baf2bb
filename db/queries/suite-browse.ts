import { sql, type SQL } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

export interface SuiteFamilyRow {
  id: string;
  domain: string;
  title: string;
  description: string;
  pairRule: string;
  pairs: number;
}

/** The families of one stored suite version with their pair counts (small: one row per family). */
export async function suiteFamilies(db: SqlRunner, suiteKey: number): Promise<SuiteFamilyRow[]> {
  return db.all<SuiteFamilyRow>(sql`
    SELECT f.id, f.domain, f.title, f.description, f.pair_rule AS "pairRule", count(*) AS pairs
    FROM suite_pairs sp JOIN families f ON f.id = sp.family_id
    WHERE sp.suite_key = ${suiteKey} GROUP BY f.id, f.domain, f.title, f.description, f.pair_rule ORDER BY f.domain, f.id`);
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

/**
 * `column LIKE pattern`, case-insensitive on both engines: SQLite's LIKE already ignores ASCII case, PostgreSQL's
 * does not (its ILIKE does).
 */
function likeAnyCase(db: SqlRunner, column: SQL, pattern: string): SQL {
  return db.dialect === 'pg' ? sql`${column} ILIKE ${pattern} ESCAPE '\\'` : sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/** One page of a suite version's pairs (position order) matching the filters, and how many match in all. */
export async function browsePairs(db: SqlRunner, suiteKey: number, filter: PairFilter): Promise<{ rows: PairBrowseRow[]; total: number }> {
  const q = filter.q?.trim() ? likePattern(filter.q.trim()) : null;
  const columns = filter.tier === 'easy' ? ['e.prompt', 'e.answer'] : filter.tier === 'hard' ? ['h.prompt', 'h.answer'] : ['sp.pair_id', 'e.prompt', 'e.answer', 'h.prompt', 'h.answer'];
  const conditions = [sql`sp.suite_key = ${suiteKey}`];
  if (filter.domain != null) conditions.push(sql`f.domain = ${filter.domain}`);
  if (filter.family != null) conditions.push(sql`sp.family_id = ${filter.family}`);
  if (q !== null) conditions.push(sql`(${sql.join(columns.map((c) => likeAnyCase(db, sql.raw(c), q)), sql` OR `)})`);
  const from = sql`FROM suite_pairs sp JOIN families f ON f.id = sp.family_id
    JOIN probes e ON e.key = sp.easy_probe_key JOIN probes h ON h.key = sp.hard_probe_key
    WHERE ${sql.join(conditions, sql` AND `)}`;
  const rows = await db.all<PairBrowseRow>(sql`
    SELECT sp.pair_id AS "pairId", sp.family_id AS family, f.domain, e.prompt AS "easyPrompt", e.answer AS "easyAnswer",
           h.prompt AS "hardPrompt", h.answer AS "hardAnswer", e.grader AS grader
    ${from} ORDER BY sp.position LIMIT ${filter.limit} OFFSET ${filter.offset}`);
  const { total } = (await db.get<{ total: number }>(sql`SELECT count(*) AS total ${from}`))!;
  return { rows, total };
}

/** Every family in the database (for the "add a pair" form's family picker). */
export async function allFamilies(db: SqlRunner): Promise<Array<Omit<SuiteFamilyRow, 'pairs'>>> {
  return db.all(sql`SELECT id, domain, title, description, pair_rule AS "pairRule" FROM families ORDER BY domain, id`);
}

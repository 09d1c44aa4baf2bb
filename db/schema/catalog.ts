import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One skill, e.g. arithmetic.order-of-operations. */
export const families = sqliteTable(
  'families',
  {
    id: text('id').primaryKey(),
    domain: text('domain').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    pairRule: text('pair_rule').notNull(),
  },
  (t) => [index('families_domain_idx').on(t.domain)],
);

/**
 * A probe at one content version. The same probe id can exist at several versions (a suite file was edited);
 * results point at the exact version they answered, through the integer key.
 */
export const probes = sqliteTable(
  'probes',
  {
    key: integer('key').primaryKey({ autoIncrement: true }),
    /**
     * The suite that owns this probe row: probe ids are only unique within a suite, so a user or generated suite that
     * reuses a built-in id ("algorithmic.addition#000/easy") gets its own row and can never share results with it.
     */
    suiteId: text('suite_id').notNull(),
    id: text('id').notNull(),
    contentHash: text('content_hash').notNull(),
    familyId: text('family_id')
      .notNull()
      .references(() => families.id),
    domain: text('domain').notNull(),
    tier: text('tier', { enum: ['easy', 'hard'] }).notNull(),
    prompt: text('prompt').notNull(),
    answer: text('answer').notNull(),
    /** GraderSpec as JSON: read per probe when grading, never filtered on. */
    grader: text('grader', { mode: 'json' }).notNull(),
    /** The probe's own guessing chance when its prompt offers fewer options than its grader; null: from the grader. */
    chance: real('chance'),
    source: text('source'),
    license: text('license'),
  },
  (t) => [
    uniqueIndex('probes_suite_id_hash_uq').on(t.suiteId, t.id, t.contentHash),
    index('probes_family_tier_idx').on(t.familyId, t.tier),
  ],
);

/** A suite at one version (content hash of its families and pairs). */
export const suites = sqliteTable(
  'suites',
  {
    key: integer('key').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    version: text('version').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex('suites_id_version_uq').on(t.id, t.version)],
);

/** The pairs of one suite version: an easy and a hard probe (at exact versions) of one family. */
export const suitePairs = sqliteTable(
  'suite_pairs',
  {
    suiteKey: integer('suite_key')
      .notNull()
      .references(() => suites.key),
    pairId: text('pair_id').notNull(),
    familyId: text('family_id')
      .notNull()
      .references(() => families.id),
    easyProbeKey: integer('easy_probe_key')
      .notNull()
      .references(() => probes.key),
    hardProbeKey: integer('hard_probe_key')
      .notNull()
      .references(() => probes.key),
    /** Contrast twins (see evals/contracts/pair.ts): a tier passes only when its probe and its twin both pass. */
    easyTwinProbeKey: integer('easy_twin_probe_key').references(() => probes.key),
    hardTwinProbeKey: integer('hard_twin_probe_key').references(() => probes.key),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.suiteKey, t.pairId] }),
    index('suite_pairs_family_idx').on(t.suiteKey, t.familyId),
    // The runner walks a suite page by page by position (keyset); without this each page scans the suite's pairs.
    index('suite_pairs_position_idx').on(t.suiteKey, t.position),
  ],
);

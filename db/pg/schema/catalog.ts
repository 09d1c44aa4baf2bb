import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { epochMs, nowEpochMs } from './epoch-ms';

// The catalog tables of db/schema/catalog.ts for PostgreSQL (the comments there say what each column means).
// db/pg/schema-parity.test.ts keeps the two dialects' tables, columns, keys and indexes equal.

export const families = pgTable(
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

export const probes = pgTable(
  'probes',
  {
    key: integer('key').primaryKey().generatedByDefaultAsIdentity(),
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
    grader: jsonb('grader').notNull(),
    chance: doublePrecision('chance'),
    source: text('source'),
    license: text('license'),
  },
  (t) => [
    uniqueIndex('probes_suite_id_hash_uq').on(t.suiteId, t.id, t.contentHash),
    index('probes_family_tier_idx').on(t.familyId, t.tier),
  ],
);

export const suites = pgTable(
  'suites',
  {
    key: integer('key').primaryKey().generatedByDefaultAsIdentity(),
    id: text('id').notNull(),
    version: text('version').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdAt: epochMs('created_at').notNull().default(nowEpochMs),
  },
  (t) => [uniqueIndex('suites_id_version_uq').on(t.id, t.version)],
);

export const suitePairs = pgTable(
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
    easyTwinProbeKey: integer('easy_twin_probe_key').references(() => probes.key),
    hardTwinProbeKey: integer('hard_twin_probe_key').references(() => probes.key),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.suiteKey, t.pairId] }),
    index('suite_pairs_family_idx').on(t.suiteKey, t.familyId),
    index('suite_pairs_position_idx').on(t.suiteKey, t.position),
  ],
);

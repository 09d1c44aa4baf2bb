import type { Db } from '../../db/client';
import { GraderSpecSchema, type Family, type Pair, type Probe, type Suite } from '../../evals/contracts';

interface ProbeColumns {
  id: string;
  prompt: string;
  answer: string;
  grader: string;
  source: string | null;
  license: string | null;
}

function probeOf(p: ProbeColumns, family: string, tier: 'easy' | 'hard'): Probe {
  return {
    id: p.id,
    family,
    tier,
    prompt: p.prompt,
    answer: p.answer,
    grader: GraderSpecSchema.parse(JSON.parse(p.grader)),
    ...(p.source !== null ? { source: p.source } : {}),
    ...(p.license !== null ? { license: p.license } : {}),
  };
}

/**
 * A stored suite version read back from the catalog tables as a resolved Suite (families in order of first use,
 * pairs in position order), with the version it was stored under. Undefined when no such key exists.
 */
export function catalogSuite(db: Db, suiteKey: number): Suite | undefined {
  const sqlite = db.$client;
  const head = sqlite.prepare('SELECT id, version, title, description FROM suites WHERE key = ?').get(suiteKey) as
    | { id: string; version: string; title: string; description: string }
    | undefined;
  if (!head) return undefined;
  const rows = sqlite
    .prepare(
      `SELECT sp.pair_id AS pairId, sp.family_id AS family,
              e.id AS eId, e.prompt AS ePrompt, e.answer AS eAnswer, e.grader AS eGrader, e.source AS eSource, e.license AS eLicense,
              h.id AS hId, h.prompt AS hPrompt, h.answer AS hAnswer, h.grader AS hGrader, h.source AS hSource, h.license AS hLicense
       FROM suite_pairs sp JOIN probes e ON e.key = sp.easy_probe_key JOIN probes h ON h.key = sp.hard_probe_key
       WHERE sp.suite_key = ? ORDER BY sp.position`,
    )
    .all(suiteKey) as Array<Record<string, string | null> & { pairId: string; family: string }>;
  const pairs: Pair[] = rows.map((r) => ({
    id: r.pairId,
    family: r.family,
    easy: probeOf({ id: r.eId!, prompt: r.ePrompt!, answer: r.eAnswer!, grader: r.eGrader!, source: r.eSource ?? null, license: r.eLicense ?? null }, r.family, 'easy'),
    hard: probeOf({ id: r.hId!, prompt: r.hPrompt!, answer: r.hAnswer!, grader: r.hGrader!, source: r.hSource ?? null, license: r.hLicense ?? null }, r.family, 'hard'),
  }));
  const familyIds = [...new Set(pairs.map((p) => p.family))];
  const byId = new Map(
    (sqlite
      .prepare(`SELECT id, domain, title, description, pair_rule AS pairRule FROM families WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(familyIds)) as Family[]).map((f) => [f.id, f]),
  );
  const families = familyIds.map((id) => byId.get(id)!).filter(Boolean);
  return { id: head.id, title: head.title, description: head.description, version: head.version, families, pairs };
}

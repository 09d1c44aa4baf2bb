import type { Db } from '../../db/client';
import { GraderSpecSchema, PAIR_SLOTS, type Family, type Pair, type PairSlot, type Probe, type Suite } from '../../evals/contracts';

interface ProbeColumns {
  key: number;
  id: string;
  prompt: string;
  answer: string;
  grader: string;
  chance: number | null;
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
    ...(p.chance !== null ? { chance: p.chance } : {}),
    ...(p.source !== null ? { source: p.source } : {}),
    ...(p.license !== null ? { license: p.license } : {}),
  };
}

/**
 * A stored suite version read back from the catalog tables as a resolved Suite (families in order of first use,
 * pairs in position order, contrast twins and stated chances included), with the version it was stored under. Undefined when no such key exists.
 */
export function catalogSuite(db: Db, suiteKey: number): Suite | undefined {
  const sqlite = db.$client;
  const head = sqlite.prepare('SELECT id, version, title, description FROM suites WHERE key = ?').get(suiteKey) as
    | { id: string; version: string; title: string; description: string }
    | undefined;
  if (!head) return undefined;
  const rows = sqlite
    .prepare(
      `SELECT pair_id AS pairId, family_id AS family, easy_probe_key AS easy, easy_twin_probe_key AS easyTwin,
              hard_probe_key AS hard, hard_twin_probe_key AS hardTwin
       FROM suite_pairs WHERE suite_key = ? ORDER BY position`,
    )
    .all(suiteKey) as Array<{ pairId: string; family: string } & Record<PairSlot, number | null>>;
  const probes = new Map(
    (sqlite
      .prepare(
        `SELECT p.key, p.id, p.prompt, p.answer, p.grader, p.chance, p.source, p.license FROM suite_pairs sp
         JOIN probes p ON p.key IN (sp.easy_probe_key, sp.hard_probe_key, sp.easy_twin_probe_key, sp.hard_twin_probe_key)
         WHERE sp.suite_key = ?`,
      )
      .all(suiteKey) as ProbeColumns[]).map((p) => [p.key, p]),
  );
  const pairs: Pair[] = rows.map((r) => {
    const pair: Record<string, unknown> = { id: r.pairId, family: r.family };
    for (const { slot, tier } of PAIR_SLOTS) {
      const key = r[slot];
      if (key !== null) pair[slot] = probeOf(probes.get(key)!, r.family, tier);
    }
    return pair as Pair;
  });
  const familyIds = [...new Set(pairs.map((p) => p.family))];
  const byId = new Map(
    (sqlite
      .prepare(`SELECT id, domain, title, description, pair_rule AS pairRule FROM families WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(familyIds)) as Family[]).map((f) => [f.id, f]),
  );
  const families = familyIds.map((id) => byId.get(id)!).filter(Boolean);
  return { id: head.id, title: head.title, description: head.description, version: head.version, families, pairs };
}

import type { SqlRunner } from '../../db/store';
import { suiteHead, suitePairRows, suiteProbeRows, type CatalogProbeRow } from '../../db/queries/suite-catalog';
import { familiesById } from '../../db/queries/suite-lookups';
import { GraderSpecSchema, PAIR_SLOTS, type Pair, type Probe, type Suite } from '../../evals/contracts';

function probeOf(p: CatalogProbeRow, family: string, tier: 'easy' | 'hard'): Probe {
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
export async function catalogSuite(db: SqlRunner, suiteKey: number): Promise<Suite | undefined> {
  const head = await suiteHead(db, suiteKey);
  if (!head) return undefined;
  const rows = await suitePairRows(db, suiteKey);
  const probes = new Map((await suiteProbeRows(db, suiteKey)).map((p) => [p.key, p]));
  const pairs: Pair[] = rows.map((r) => {
    const pair: Record<string, unknown> = { id: r.pairId, family: r.family };
    for (const { slot, tier } of PAIR_SLOTS) {
      const key = r[slot];
      if (key !== null) pair[slot] = probeOf(probes.get(key)!, r.family, tier);
    }
    return pair as Pair;
  });
  const familyIds = [...new Set(pairs.map((p) => p.family))];
  const byId = new Map((await familiesById(db, familyIds)).map((f) => [f.id, f]));
  const families = familyIds.map((id) => byId.get(id)!).filter(Boolean);
  return { id: head.id, title: head.title, description: head.description, version: head.version, families, pairs };
}

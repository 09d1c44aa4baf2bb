import type { Probe, Suite } from '../../evals/contracts';
import type { SqlRunner } from '../../db/store';
import { suiteKeyOf } from '../../db/queries/suite-lookups';
import { insertSuitePair, insertSuiteVersion, storeProbeVersion, upsertFamily } from '../../db/queries/suite-writes';
import { contentHash } from './content-hash';

/** What a probe's version is made of: everything that changes its meaning or its grading. */
function probeHash(probe: Probe): string {
  const content = { prompt: probe.prompt, answer: probe.answer, grader: probe.grader, family: probe.family, tier: probe.tier };
  // A stated chance changes what a pass means; probes without one keep the hashes they always had.
  return contentHash(probe.chance === undefined ? content : { ...content, chance: probe.chance });
}

/**
 * Stores a resolved suite version (families, probe versions, pairs with their contrast twins) and returns its key.
 * Idempotent: storing the same version again changes nothing, and a new version of a suite never touches an older
 * one's rows. Probe rows belong to the suite (probes.suite_id): another suite with the same probe ids and content
 * gets rows of its own, so no user or generated suite can alias a built-in probe.
 */
export async function persistSuite(store: SqlRunner, suite: Suite): Promise<number> {
  // A lookup first: storing a version already there (every run of a built-in suite) takes no write lock.
  const stored = await suiteKeyOf(store, suite.id, suite.version);
  if (stored !== undefined) return stored;
  return store.transaction(async (tx) => {
    const existing = await suiteKeyOf(tx, suite.id, suite.version);
    if (existing !== undefined) return existing;

    for (const family of suite.families) await upsertFamily(tx, family);
    const suiteKey = await insertSuiteVersion(tx, { id: suite.id, version: suite.version, title: suite.title, description: suite.description });

    const domainOf = new Map(suite.families.map((f) => [f.id, f.domain]));
    const probeKey = (probe: Probe): Promise<number> =>
      storeProbeVersion(tx, {
        suiteId: suite.id,
        id: probe.id,
        contentHash: probeHash(probe),
        familyId: probe.family,
        domain: domainOf.get(probe.family) ?? probe.family.split('.')[0]!,
        tier: probe.tier,
        prompt: probe.prompt,
        answer: probe.answer,
        grader: probe.grader,
        chance: probe.chance ?? null,
        source: probe.source ?? null,
        license: probe.license ?? null,
      });

    for (const [position, pair] of suite.pairs.entries()) {
      // In slot order (easy, hard, twins), as the synchronous version stored them: probe keys stay the same.
      const easyProbeKey = await probeKey(pair.easy);
      const hardProbeKey = await probeKey(pair.hard);
      const easyTwinProbeKey = pair.easyTwin ? await probeKey(pair.easyTwin) : null;
      const hardTwinProbeKey = pair.hardTwin ? await probeKey(pair.hardTwin) : null;
      await insertSuitePair(tx, { suiteKey, pairId: pair.id, familyId: pair.family, easyProbeKey, hardProbeKey, easyTwinProbeKey, hardTwinProbeKey, position });
    }
    return suiteKey;
  });
}

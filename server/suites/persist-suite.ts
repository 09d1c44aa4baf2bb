import type { Probe, Suite } from '../../evals/contracts';
import { transaction, type Db } from '../../db/client';
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
export function persistSuite(db: Db, suite: Suite): number {
  return transaction(db, () => {
    const existing = suiteKeyOf(db, suite.id, suite.version);
    if (existing !== undefined) return existing;

    for (const family of suite.families) upsertFamily(db, family);
    const suiteKey = insertSuiteVersion(db, { id: suite.id, version: suite.version, title: suite.title, description: suite.description });

    const domainOf = new Map(suite.families.map((f) => [f.id, f.domain]));
    const probeKey = (probe: Probe): number =>
      storeProbeVersion(db, {
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

    suite.pairs.forEach((pair, position) => {
      insertSuitePair(db, {
        suiteKey,
        pairId: pair.id,
        familyId: pair.family,
        easyProbeKey: probeKey(pair.easy),
        hardProbeKey: probeKey(pair.hard),
        easyTwinProbeKey: pair.easyTwin ? probeKey(pair.easyTwin) : null,
        hardTwinProbeKey: pair.hardTwin ? probeKey(pair.hardTwin) : null,
        position,
      });
    });
    return suiteKey;
  })();
}

import { and, eq } from 'drizzle-orm';
import type { Probe, Suite } from '../../evals/contracts';
import type { Db } from '../../db/client';
import { families, probes, suitePairs, suites } from '../../db/schema';
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
  return db.transaction((tx) => {
    const existing = tx
      .select({ key: suites.key })
      .from(suites)
      .where(and(eq(suites.id, suite.id), eq(suites.version, suite.version)))
      .get();
    if (existing) return existing.key;

    for (const family of suite.families) {
      tx.insert(families)
        .values({ ...family })
        .onConflictDoUpdate({
          target: families.id,
          set: { domain: family.domain, title: family.title, description: family.description, pairRule: family.pairRule },
        })
        .run();
    }
    const suiteKey = tx
      .insert(suites)
      .values({ id: suite.id, version: suite.version, title: suite.title, description: suite.description })
      .returning({ key: suites.key })
      .get().key;

    const domainOf = new Map(suite.families.map((f) => [f.id, f.domain]));
    const probeKey = (probe: Probe): number => {
      const hash = probeHash(probe);
      tx.insert(probes)
        .values({
          suiteId: suite.id,
          id: probe.id,
          contentHash: hash,
          familyId: probe.family,
          domain: domainOf.get(probe.family) ?? probe.family.split('.')[0]!,
          tier: probe.tier,
          prompt: probe.prompt,
          answer: probe.answer,
          grader: probe.grader,
          chance: probe.chance ?? null,
          source: probe.source ?? null,
          license: probe.license ?? null,
        })
        .onConflictDoNothing()
        .run();
      return tx
        .select({ key: probes.key })
        .from(probes)
        .where(and(eq(probes.suiteId, suite.id), eq(probes.id, probe.id), eq(probes.contentHash, hash)))
        .get()!.key;
    };

    suite.pairs.forEach((pair, position) => {
      tx.insert(suitePairs)
        .values({
          suiteKey,
          pairId: pair.id,
          familyId: pair.family,
          easyProbeKey: probeKey(pair.easy),
          hardProbeKey: probeKey(pair.hard),
          easyTwinProbeKey: pair.easyTwin ? probeKey(pair.easyTwin) : null,
          hardTwinProbeKey: pair.hardTwin ? probeKey(pair.hardTwin) : null,
          position,
        })
        .run();
    });
    return suiteKey;
  });
}

import type { Db } from '../../db/client';
import { pendingWorkQueries } from '../../db/queries/pending-work';
import { GraderSpecSchema, type GraderSpec } from '../../evals/contracts';

/** One (probe, sample) still to answer in a run. */
export interface WorkItem {
  probeKey: number;
  probeId: string;
  familyId: string;
  domain: string;
  tier: 'easy' | 'hard';
  prompt: string;
  answer: string;
  grader: GraderSpec;
  sample: number;
}

const PAGE = 500;

/**
 * Yields the run's pending work: the suite's probes (contrast twins included) in the model's scope × samples, minus
 * the results already stored. Reads the suite a
 * page at a time (keyset on pair position), so memory stays flat however large the run; recomputing this after a
 * crash is what makes a resumed run lose nothing and repeat nothing.
 */
export function* pendingWork(
  db: Db,
  runId: number,
  suiteKey: number,
  samples: number,
  /** The families in the model's scope (null: all): probes outside it are never sent. */
  families: readonly string[] | null = null,
): Generator<WorkItem> {
  const queries = pendingWorkQueries(db);
  // Probes share a handful of grader specs: validate each distinct one once, not once per probe.
  const graders = new Map<string, GraderSpec>();
  const graderOf = (raw: string): GraderSpec => {
    let spec = graders.get(raw);
    if (!spec) graders.set(raw, (spec = GraderSpecSchema.parse(JSON.parse(raw))));
    return spec;
  };
  const scope = families === null ? null : JSON.stringify(families);
  let after = -1;
  for (;;) {
    const rows = queries.suitePage(suiteKey, after, scope, PAGE * 2);
    if (rows.length === 0) return;
    // A page may end in the middle of a pair; drop that pair's half and read it whole on the next page.
    const lastPosition = rows[rows.length - 1]!.position;
    const complete = rows.length === PAGE * 2 ? rows.filter((r) => r.position !== lastPosition) : rows;
    const page = complete.length > 0 ? complete : rows;
    const done = new Set(
      queries.storedSamples(runId, JSON.stringify(page.map((r) => r.probeKey))).map((r) => `${r.probeKey}:${r.sample}`),
    );
    for (const row of page) {
      const grader = graderOf(row.grader);
      for (let sample = 1; sample <= samples; sample++) {
        if (done.has(`${row.probeKey}:${sample}`)) continue;
        yield { probeKey: row.probeKey, probeId: row.probeId, familyId: row.familyId, domain: row.domain, tier: row.tier,
          prompt: row.prompt, answer: row.answer, grader, sample };
      }
    }
    after = page[page.length - 1]!.position;
  }
}

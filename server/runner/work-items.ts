import { storedSamples, suitePage } from '../../db/queries/pending-work';
import type { SqlRunner } from '../../db/store';
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
 * The run's pending work a page at a time: the suite's probes (contrast twins included) in the model's scope × samples,
 * minus the results already stored. Reads the suite a page at a time (keyset on pair position), so memory stays flat
 * however large the run; recomputing this after a crash is what makes a resumed run lose nothing and repeat nothing.
 */
export async function* pendingPages(
  db: SqlRunner,
  runId: number,
  suiteKey: number,
  samples: number,
  /** The families in the model's scope (null: all): probes outside it are never sent. */
  families: readonly string[] | null = null,
  /** Only the pairs at these positions (a chunk of a chunked run); absent: the whole suite. */
  positions?: { first: number; last: number },
): AsyncGenerator<WorkItem[]> {
  // Probes share a handful of grader specs: validate each distinct one once, not once per probe.
  const graders = new Map<string, GraderSpec>();
  const graderOf = (raw: string): GraderSpec => {
    let spec = graders.get(raw);
    if (!spec) graders.set(raw, (spec = GraderSpecSchema.parse(JSON.parse(raw))));
    return spec;
  };
  let after = positions ? positions.first - 1 : -1;
  for (;;) {
    const rows = await suitePage(db, suiteKey, after, families, PAGE * 2, positions?.last ?? null);
    if (rows.length === 0) return;
    // A page may end in the middle of a pair; drop that pair's half and read it whole on the next page.
    const lastPosition = rows[rows.length - 1]!.position;
    const complete = rows.length === PAGE * 2 ? rows.filter((r) => r.position !== lastPosition) : rows;
    const page = complete.length > 0 ? complete : rows;
    const done = new Set(
      (await storedSamples(db, runId, page.map((r) => r.probeKey))).map((r) => `${r.probeKey}:${r.sample}`),
    );
    const items: WorkItem[] = [];
    for (const row of page) {
      const grader = graderOf(row.grader);
      for (let sample = 1; sample <= samples; sample++) {
        if (done.has(`${row.probeKey}:${sample}`)) continue;
        items.push({ probeKey: row.probeKey, probeId: row.probeId, familyId: row.familyId, domain: row.domain, tier: row.tier,
          prompt: row.prompt, answer: row.answer, grader, sample });
      }
    }
    yield items;
    after = page[page.length - 1]!.position;
  }
}

/** The run's pending work item by item (pendingPages flattened). */
export async function* pendingWork(...args: Parameters<typeof pendingPages>): AsyncGenerator<WorkItem> {
  for await (const page of pendingPages(...args)) yield* page;
}

/**
 * Hands out pending work to many lanes, one item at a time: straight from the page in memory (no promise, no turn of
 * the event loop: this is per probe), reading the next page only when the current one runs out, one read at a time
 * however many lanes ask.
 */
export class PendingWork {
  private items: WorkItem[] = [];
  private index = 0;
  private reading: Promise<void> | undefined;
  private exhausted = false;

  constructor(private readonly pages: AsyncIterator<WorkItem[]>) {}

  /** The next item: at once while the page lasts, else a promise of it; null when no work is left. */
  next(): WorkItem | null | Promise<WorkItem | null> {
    if (this.index < this.items.length) return this.items[this.index++]!;
    if (this.exhausted) return null;
    return this.afterNextPage();
  }

  private async afterNextPage(): Promise<WorkItem | null> {
    while (this.index >= this.items.length && !this.exhausted) {
      this.reading ??= this.pages
        .next()
        .then((page) => {
          if (page.done) this.exhausted = true;
          else {
            this.items = page.value;
            this.index = 0;
          }
        })
        .finally(() => (this.reading = undefined));
      await this.reading;
    }
    return this.index < this.items.length ? this.items[this.index++]! : null;
  }
}

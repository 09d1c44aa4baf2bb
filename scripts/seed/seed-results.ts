import { seedProbeRows, upsertSeedModel } from '../../db/queries/seed-results';
import { openSeedWriter } from '../../db/queries/seed-writer';
import type { Store } from '../../db/store';
import type { ErrorKind, Suite } from '../../evals/contracts';
import { Mulberry32 } from '../../evals/metrics';
import { warmDefaultProfile } from '../../server/explore/warm-profile';
import { persistSuite } from '../../server/suites/persist-suite';
import { RunSettingsSchema } from '../../server/runner/run-settings';
import { SYNTHETIC_MODELS, type SyntheticModel } from './synthetic-models';

export interface SeedOptions {
  results: number;
  suite: Suite;
  seed?: number;
  models?: SyntheticModel[];
  onProgress?: (written: number) => void;
}

export interface SeedReport {
  results: number;
  runs: number;
  models: number;
  /** Default profiles built and stored after seeding (one per model with a completed run). */
  profiles: number;
  seconds: number;
}

const SAMPLE_CYCLE = [1, 5, 10, 20, 3];
/** Results per batch (SQLite: per transaction; PostgreSQL: per INSERT statement). */
const BATCH_ROWS = 50_000;
const DAY_MS = 86_400_000;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** A standard normal draw (Box–Muller) from the seeded generator. */
function normal(rng: Mulberry32): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

function pickWeighted<T>(rng: Mulberry32, items: Array<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** A wrong answer that looks like the model's: off by one for numbers, another word otherwise. */
function wrongAnswer(answer: string, rng: Mulberry32): string {
  const n = Number(answer);
  if (answer.trim() !== '' && Number.isFinite(n)) return String(n + (rng.next() < 0.5 ? -1 : 1) * (1 + rng.index(3)));
  if (/^(yes|no)$/i.test(answer)) return /^yes$/i.test(answer) ? 'no' : 'yes';
  return rng.next() < 0.5 ? 'I am not sure' : `${answer.split(/\s+/)[0] ?? answer} (or something else)`;
}

/**
 * Fills the database with `results` realistic results: the synthetic models, each with several completed runs of
 * `suite` at various sample counts (the last run cut short, as a cancelled run), pass rates that depend on model,
 * domain, family, tier and probe, errors of several kinds, and ticks for the CTM. Rows are made here and written in
 * batches of 50,000 by the engine's bulk writer (db/queries/seed-writer.ts); each run's counters are stored with it,
 * as the recorder would have kept them, and each model's default profile is stored afterwards, as the worker does
 * when a run completes. Both engines get the same rows for the same seed.
 */
export async function seedResults(store: Store, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const rng = new Mulberry32(options.seed ?? 1);
  const models = options.models ?? SYNTHETIC_MODELS;
  const suiteKey = await persistSuite(store, options.suite);
  for (const m of models) {
    await upsertSeedModel(store, { id: m.id, label: m.label, arch: m.arch, modelName: m.id, reasoning: m.id.includes('reasoner'),
      priceInput: m.price?.input ?? null, priceOutput: m.price?.output ?? null });
  }

  const familyIds = options.suite.families.map((f) => f.id);
  const probes = (await seedProbeRows(store, suiteKey)).map((p) => ({ ...p, promptTokens: Math.ceil(p.chars / 4), familyIndex: familyIds.indexOf(p.family) }));

  // Difficulty: per family and tier (hard ≈ 1.6 logits harder), plus a per-probe part shared by every model.
  const familyDifficulty = familyIds.map(() => normal(rng) * 0.7);
  const probeDifficulty = new Map(probes.map((p) => [p.key, normal(rng) * 0.9 + (p.tier === 'hard' ? 1.6 : 0)]));

  let written = 0;
  let runs = 0;
  /** Each model's newest completed run: the one its pages show by default. */
  const lastCompleted = new Map<string, number>();
  const now = Date.now();
  const perModelBudget = Math.ceil(options.results / models.length);
  const plans = models.map((model) => {
    // The model's pass probability per probe, fixed across its runs: samples of one probe agree most of the time.
    const holes = familyIds.map(() => rng.next() < model.holeRate);
    const familyBias = familyIds.map(() => normal(rng) * 0.5);
    const pass = new Map(
      probes.map((p) => {
        const hole = holes[p.familyIndex] && p.tier === 'easy' ? 2.8 : 0;
        const logit = model.skill + (model.domainSkill[p.domain] ?? 0) + familyBias[p.familyIndex]! - familyDifficulty[p.familyIndex]! -
          probeDifficulty.get(p.key)! - hole + normal(rng) * 0.4;
        return [p.key, sigmoid(logit)];
      }),
    );
    return { model, pass, budget: Math.min(perModelBudget, options.results), runIndex: 0 };
  });

  const writer = await openSeedWriter(store, options.results);
  const writeRun = async (plan: (typeof plans)[number], rows: number) => {
    const { model } = plan;
    const samples = SAMPLE_CYCLE[plan.runIndex % SAMPLE_CYCLE.length]!;
    const expected = probes.length * samples;
    const take = Math.min(rows, expected);
    const createdAt = now - (40 - plan.runIndex) * DAY_MS - rng.index(DAY_MS);
    const settings = RunSettingsSchema.parse({ samples, ...(samples > 1 && { temperature: 0.7, seed: plan.runIndex + 1 }) });
    const runId = await writer.beginRun({ modelId: model.id, suiteKey, status: take < expected ? 'cancelled' : 'completed', settings: JSON.stringify(settings),
      samples, expected, createdAt, startedAt: createdAt + 1_000, finishedAt: createdAt + 1_000 + take * 20 });
    plan.runIndex += 1;
    runs += 1;
    if (take === expected) lastCompleted.set(model.id, runId);
    const counts = { pass: 0, fail: 0, error: 0, cost: 0 };
    let inRun = 0;
    outer: for (const p of probes) {
      for (let sample = 1; sample <= samples; sample++) {
        if (inRun >= take) break outer;
        inRun += 1;
        const latency = Math.max(1, Math.round(model.latencyMs[0] * Math.exp(normal(rng) * model.latencyMs[1])));
        let outcome: 'pass' | 'fail' | 'error';
        let errorKind: ErrorKind | null = null;
        if (rng.next() < model.errorRate) {
          outcome = 'error';
          errorKind = pickWeighted(rng, model.errorKinds);
        } else outcome = rng.next() < plan.pass.get(p.key)! ? 'pass' : 'fail';
        const said = outcome === 'pass' ? p.answer : outcome === 'fail' ? wrongAnswer(p.answer, rng) : null;
        const completion = errorKind === 'truncated' ? 1024 : outcome === 'error' ? 0 : 8 + rng.index(model.arch === 'llm' ? 400 : 4);
        const cost = model.price ? (p.promptTokens * model.price.input + completion * model.price.output) / 1e6 : null;
        const ticks = model.reportsTicks && outcome !== 'error'
          ? Math.max(1, Math.min(50, Math.round((p.tier === 'hard' ? 22 : 9) + (outcome === 'fail' ? 6 : 0) + normal(rng) * 4)))
          : null;
        writer.addResult([runId, model.id, p.key, p.family, p.domain, p.tier, sample, outcome, errorKind,
          said === null ? null : `Let me work through this.\n\nThe answer is ${said}.`, said,
          outcome === 'pass' ? `matched ${p.answer}` : outcome === 'fail' ? `expected ${p.answer}, got ${said}` : `${errorKind} (seeded)`,
          latency, p.promptTokens, completion, cost, ticks, createdAt + inRun * 20]);
        counts[outcome] += 1;
        counts.cost += cost ?? 0;
      }
    }
    writer.endRun(runId, counts);
    return inRun;
  };

  // Round-robin over the models, one run at a time, in batches of about BATCH_ROWS rows.
  try {
    while (written < options.results) {
      let inBatch = 0;
      while (inBatch < BATCH_ROWS && written < options.results) {
        const open = plans.filter((p) => p.budget > 0);
        if (open.length === 0) break;
        const plan = open[runs % open.length]!;
        const n = await writeRun(plan, Math.min(plan.budget, options.results - written));
        plan.budget -= n;
        written += n;
        inBatch += n;
      }
      await writer.endBatch();
      options.onProgress?.(written);
      if (inBatch === 0) break;
    }
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  // As the worker does when a run completes: store the profile each model's newest completed run makes the default.
  let profiles = 0;
  for (const runId of lastCompleted.values()) if (await warmDefaultProfile(store, runId)) profiles += 1;
  return { results: written, runs, models: models.length, profiles, seconds: (performance.now() - started) / 1000 };
}

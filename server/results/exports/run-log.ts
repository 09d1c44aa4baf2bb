import { z } from 'zod';
import type { SqlRunner } from '../../../db/store';
import { modelById } from '../../../db/queries/models';
import { runLogRows } from '../../../db/queries/run-results';
import { getRun } from '../../../db/queries/runs';
import { ErrorKindSchema, GraderSpecSchema, OutcomeSchema, TierSchema } from '../../../evals/contracts';

export const RUN_LOG_FORMAT = 'sawtooth-run-log';

const RunLogResultSchema = z.object({
  probe: z.string().min(1),
  family: z.string().min(1),
  tier: TierSchema,
  sample: z.number().int().min(1),
  prompt: z.string(),
  answer: z.string(),
  grader: GraderSpecSchema,
  outcome: OutcomeSchema,
  errorKind: ErrorKindSchema.nullable(),
  response: z.string().nullable(),
  extracted: z.string().nullable(),
  reason: z.string(),
  latencyMs: z.number().nullable(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
  costUsd: z.number().nullable(),
  ticks: z.number().nullable(),
  at: z.string(),
});

/**
 * A run, self-described: who answered (model endpoint, never a key), what (suite id and version), how (settings),
 * with which code, when (timings), and every result. `sawtooth import` reads it back as a run.
 */
export const RunLogSchema = z.object({
  format: z.literal(RUN_LOG_FORMAT),
  formatVersion: z.literal(1),
  codeRevision: z.string(),
  writtenAt: z.string(),
  run: z.object({
    id: z.number().int(),
    status: z.string(),
    origin: z.string(),
    settings: z.unknown(),
    expected: z.number().int(),
    counts: z.object({ pass: z.number().int(), fail: z.number().int(), error: z.number().int() }),
    costUsd: z.number(),
    message: z.string().nullable(),
    timings: z.object({ createdAt: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable(), wallSeconds: z.number().nullable() }),
  }),
  model: z.object({ id: z.string(), label: z.string(), arch: z.string(), baseUrl: z.string().nullable(), modelName: z.string(), apiKeyEnv: z.string().nullable() }),
  suite: z.object({ id: z.string(), version: z.string() }),
  results: z.array(RunLogResultSchema),
});
export type RunLog = z.infer<typeof RunLogSchema>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The run log of a run, or undefined for an unknown run id. */
export async function buildRunLog(store: SqlRunner, runId: number, codeRevision: string): Promise<RunLog | undefined> {
  const run = await getRun(store, runId);
  if (!run) return undefined;
  const model = await modelById(store, run.modelId);
  const rows = await runLogRows(store, runId);
  return {
    format: RUN_LOG_FORMAT,
    formatVersion: 1,
    codeRevision,
    writtenAt: new Date().toISOString(),
    run: {
      id: run.id,
      status: run.status,
      origin: run.origin,
      settings: run.settings,
      expected: run.expected,
      counts: { pass: run.passCount, fail: run.failCount, error: run.errorCount },
      costUsd: run.costUsd,
      message: run.message,
      timings: {
        createdAt: iso(run.createdAt)!,
        startedAt: iso(run.startedAt),
        finishedAt: iso(run.finishedAt),
        wallSeconds: run.startedAt !== null && run.finishedAt !== null ? (run.finishedAt - run.startedAt) / 1000 : null,
      },
    },
    model: {
      id: run.modelId,
      label: model?.label ?? run.modelLabel,
      arch: model?.arch ?? 'llm',
      baseUrl: model?.baseUrl ?? null,
      modelName: model?.modelName ?? run.modelId,
      apiKeyEnv: model?.apiKeyEnv ?? null,
    },
    suite: { id: run.suiteId, version: run.suiteVersion },
    results: rows.map((r) => ({
      probe: r.probeId,
      family: r.family,
      tier: r.tier,
      sample: r.sample,
      prompt: r.prompt,
      answer: r.answer,
      grader: GraderSpecSchema.parse(JSON.parse(r.grader)),
      outcome: r.outcome,
      errorKind: r.errorKind === null ? null : ErrorKindSchema.catch('unknown').parse(r.errorKind),
      response: r.response,
      extracted: r.extracted,
      reason: r.reason,
      latencyMs: r.latencyMs,
      promptTokens: r.promptTokens,
      completionTokens: r.completionTokens,
      costUsd: r.costUsd,
      ticks: r.ticks,
      at: iso(r.createdAt)!,
    })),
  };
}

import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { models } from '../../db/schema';
import { grade } from '../../evals/graders';
import type { ChatMessage, ChatResult, Provider } from '../providers/types';
import type { EndpointScheduler } from '../scheduler';
import { ResultRecorder, type ResultRow } from './result-recorder';
import { RunSettingsSchema, type RunSettings } from './run-settings';
import type { ClaimedRun } from './run-queue';
import { pendingWork, type WorkItem } from './work-items';

type ModelRow = typeof models.$inferSelect;

export interface ExecuteDeps {
  db: Db;
  run: ClaimedRun;
  /** Builds the provider for this model (the key is read from the env at this moment, by the caller). */
  provider: (model: ModelRow, settings: RunSettings) => Provider;
  /** The scheduler of this model's endpoint (shared by every run on that endpoint in this process). */
  scheduler: (model: ModelRow, settings: RunSettings) => EndpointScheduler;
  /** Aborted when the run is cancelled, the lease is lost or the process shuts down. */
  signal: AbortSignal;
  onProgress?: (written: number) => void;
}

const TELEMETRY_KEYS = ['ticksUsed', 'haltingTick'] as const;

function ticksOf(extension: unknown): number | null {
  if (!extension || typeof extension !== 'object') return null;
  for (const key of TELEMETRY_KEYS) {
    const value = (extension as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value);
  }
  return null;
}

function costOf(model: ModelRow, result: ChatResult): number | null {
  const usage = result.usage;
  if (!usage || model.priceInput == null || model.priceOutput == null) return null;
  return (usage.promptTokens * model.priceInput + usage.completionTokens * model.priceOutput) / 1e6;
}

/** Turns one provider answer into a stored result: graded when there is an answer, an `error` when there is none. */
export function toResultRow(run: ClaimedRun, model: ModelRow, item: WorkItem, result: ChatResult): ResultRow {
  const base = {
    runId: run.id,
    modelId: run.modelId,
    probeKey: item.probeKey,
    familyId: item.familyId,
    domain: item.domain,
    tier: item.tier,
    sample: item.sample,
    latencyMs: Math.round(result.latencyMs),
    promptTokens: result.usage?.promptTokens ?? null,
    completionTokens: result.usage?.completionTokens ?? null,
    costUsd: costOf(model, result),
  };
  if (!result.ok) {
    return { ...base, outcome: 'error', errorKind: result.error.kind, response: result.reasoning ?? null, extracted: null,
      reason: result.error.message, ticks: null, telemetry: null };
  }
  const verdict = grade(result.text, item.answer, item.grader);
  const reason = result.truncatedAt ? `${verdict.reason} (response stored cut at ${result.truncatedAt} characters)` : verdict.reason;
  return { ...base, outcome: verdict.pass ? 'pass' : 'fail', errorKind: null, response: result.text,
    extracted: verdict.extracted, reason, ticks: ticksOf(result.extension), telemetry: result.extension ?? null };
}

/**
 * Answers every pending (probe, sample) of a claimed run: requests go through the endpoint's scheduler (concurrency,
 * retries, slow-down live there), each answer is graded as it arrives and handed to the batched recorder.
 * Returns when all work is done or the signal aborts (then whatever was answered is already stored).
 */
export async function executeRun(deps: ExecuteDeps): Promise<{ written: number; aborted: boolean }> {
  const { db, run, signal } = deps;
  const settings = RunSettingsSchema.parse(run.settings);
  const model = db.select().from(models).where(eq(models.id, run.modelId)).get();
  if (!model) throw new Error(`run ${run.id}: model "${run.modelId}" no longer exists`);
  const provider = deps.provider(model, settings);
  const scheduler = deps.scheduler(model, settings);
  let written = 0;
  const recorder = new ResultRecorder(db, { onFlush: (n) => { written += n; deps.onProgress?.(written); } });

  const system: ChatMessage[] = model.systemPrompt ? [{ role: 'system', content: model.systemPrompt }] : [];
  const work = pendingWork(db, run.id, run.suiteKey, settings.samples);
  // The pump keeps a bounded number of requests in flight: enough to keep the scheduler busy, never the whole run.
  const window = Math.max(4, settings.concurrency * 2);
  let exhausted = false;

  const answerOne = async (item: WorkItem): Promise<void> => {
    const result = await scheduler.run(
      () =>
        provider.chat({
          model: model.modelName,
          messages: [...system, { role: 'user', content: item.prompt }],
          temperature: settings.temperature ?? model.temperature ?? undefined,
          maxTokens: settings.maxTokens ?? model.maxTokens ?? undefined,
          seed: settings.seed === undefined ? undefined : settings.seed + item.sample - 1,
          reasoning: model.reasoning,
          signal,
        }),
      signal,
    );
    // A cancelled request is not an answer and not an error of the model: leave it pending for a resume.
    if (!result.ok && result.error.aborted) return;
    if (signal.aborted) return;
    recorder.add(toResultRow(run, model, item, result));
  };

  const lane = async (): Promise<void> => {
    while (!signal.aborted) {
      if (exhausted) return;
      const next = work.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      await answerOne(next.value);
    }
  };
  try {
    await Promise.all(Array.from({ length: window }, lane));
  } finally {
    recorder.flush();
  }
  return { written, aborted: signal.aborted };
}

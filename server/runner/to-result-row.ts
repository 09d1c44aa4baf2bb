import type { models } from '../../db/schema';
import { gradeOutcome } from '../../evals/graders';
import type { ChatResult, ChatSuccess } from '../providers/types';
import type { ResultRow } from './result-recorder';
import type { ClaimedRun } from './run-queue';
import type { WorkItem } from './work-items';

type ModelRow = typeof models.$inferSelect;

const TELEMETRY_KEYS = ['ticksUsed', 'haltingTick'] as const;

function ticksOf(extension: unknown): number | null {
  if (!extension || typeof extension !== 'object') return null;
  for (const key of TELEMETRY_KEYS) {
    const value = (extension as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value);
  }
  return null;
}

/** USD for the tokens the endpoint billed (failed answers that used tokens cost money too). Null without a price. */
export function costOf(model: Pick<ModelRow, 'priceInput' | 'priceOutput'>, result: ChatResult): number | null {
  const usage = result.usage;
  if (!usage || model.priceInput == null || model.priceOutput == null) return null;
  return (usage.promptTokens * model.priceInput + usage.completionTokens * model.priceOutput) / 1e6;
}

/** Appended to a stored answer that was cut to the storage limit, so a reader of the transcript sees it was cut. */
export function cutMarker(truncatedAt: number): string {
  return `\n\n[sawtooth: answer cut at ${truncatedAt.toLocaleString('en')} characters for storage]`;
}

/**
 * The transcript we store: separate reasoning (`reasoning_content`) first, in the `<think>` block that graders and
 * the transcript view already understand, then the answer, then a marker when the answer was cut. Grading never
 * sees this: it reads the answer text alone.
 */
function storedResponse(result: ChatSuccess): string {
  const thinking = result.reasoning ? `<think>${result.reasoning}</think>\n\n` : '';
  const marker = result.truncatedAt !== undefined ? cutMarker(result.truncatedAt) : '';
  return thinking + result.text + marker;
}

/**
 * Turns one provider answer into a stored result: graded when there is an answer (pass, fail, or refusal when the
 * model declined), an `error` (never a wrong answer) when there is none or the grader broke. `fromCache` marks an answer served by the response cache: it cost nothing now.
 */
export function toResultRow(
  run: ClaimedRun,
  model: ModelRow,
  item: WorkItem,
  result: ChatResult,
  opts: { fromCache?: boolean } = {},
): ResultRow {
  // One object literal with every field (no spread): rows wait in the recorder's batch, and a spread-built object of
  // this width is several times larger, which at a thousand rows a second showed up as old-generation garbage.
  const costUsd = opts.fromCache ? 0 : costOf(model, result);
  const promptTokens = result.usage?.promptTokens ?? null;
  const completionTokens = result.usage?.completionTokens ?? null;
  const latencyMs = Math.round(result.latencyMs);
  if (!result.ok) {
    return {
      runId: run.id, modelId: run.modelId, probeKey: item.probeKey, familyId: item.familyId, domain: item.domain, tier: item.tier,
      sample: item.sample, outcome: 'error', errorKind: result.error.kind,
      response: result.reasoning ? `<think>${result.reasoning}</think>` : null, extracted: null, reason: result.error.message,
      latencyMs, promptTokens, completionTokens, costUsd, ticks: null, telemetry: null,
    };
  }
  const verdict = gradeOutcome(result.text, item.answer, item.grader);
  let reason = verdict.reason;
  // Thinking time is only meaningful for an answer: a refusal (e.g. the CTM's out-of-scope notice) used no ticks on
  // the question, and storing its ticks drew empty bars on the thinking-time chart.
  const answered = verdict.outcome === 'pass' || verdict.outcome === 'fail';
  if (result.truncatedAt !== undefined) reason += ` (answer stored cut at ${result.truncatedAt} characters)`;
  if (opts.fromCache) reason += ' (answer from the response cache)';
  return {
    runId: run.id, modelId: run.modelId, probeKey: item.probeKey, familyId: item.familyId, domain: item.domain, tier: item.tier,
    sample: item.sample, outcome: verdict.outcome, errorKind: verdict.errorKind, response: storedResponse(result),
    extracted: verdict.extracted, reason, latencyMs, promptTokens, completionTokens, costUsd,
    ticks: answered ? ticksOf(result.extension) : null, telemetry: result.extension ?? null,
  };
}

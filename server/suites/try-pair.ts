import type { SqlRunner } from '../../db/store';
import { modelById } from '../../db/queries/models';
import type { ErrorKind, Pair, Probe } from '../../evals/contracts';
import { grade } from '../../evals/graders';
import type { ChatMessage } from '../providers/types';
import { providerFor } from '../runner/endpoints';
import { RunSettingsSchema } from '../runner/run-settings';

export type TryOutcome =
  | { ok: true; pass: boolean; response: string; extracted: string | null; reason: string; latencyMs: number }
  | { ok: false; kind: ErrorKind; message: string; latencyMs: number };

export class TryPairError extends Error {}

/**
 * Asks a model both probes of a draft pair (server-side, with the key read from the server's environment) and
 * grades each answer exactly as a run would. Nothing is stored.
 */
export async function tryPair(db: SqlRunner, modelId: string, pair: Pair): Promise<{ easy: TryOutcome; hard: TryOutcome }> {
  const model = await modelById(db, modelId);
  if (!model) throw new TryPairError(`unknown model "${modelId}"`);
  if (!model.baseUrl) throw new TryPairError(`model "${modelId}" has no endpoint (it holds imported results only)`);
  const provider = providerFor(model, RunSettingsSchema.parse({ timeoutMs: 60_000 }));
  const system: ChatMessage[] = model.systemPrompt ? [{ role: 'system', content: model.systemPrompt }] : [];
  const ask = async (probe: Probe): Promise<TryOutcome> => {
    const result = await provider.chat({
      model: model.modelName,
      messages: [...system, { role: 'user', content: probe.prompt }],
      temperature: model.temperature ?? undefined,
      maxTokens: model.maxTokens ?? undefined,
      reasoning: model.reasoning,
    });
    if (!result.ok) return { ok: false, kind: result.error.kind, message: result.error.message, latencyMs: result.latencyMs };
    const verdict = grade(result.text, probe.answer, probe.grader);
    return { ok: true, pass: verdict.pass, response: result.text, extracted: verdict.extracted, reason: verdict.reason, latencyMs: result.latencyMs };
  };
  const [easy, hard] = await Promise.all([ask(pair.easy), ask(pair.hard)]);
  return { easy, hard };
}

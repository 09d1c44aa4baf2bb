import { z } from 'zod';
import type { SqlRunner } from '../../db/store';
import { modelById } from '../../db/queries/models';
import { meanCompletionTokens } from '../../db/queries/model-usage';
import { pairProbes, SuiteIdSchema } from '../../evals/contracts';
import { SuiteError } from '../../evals/suites';
import { resolveSuite } from '../suites/resolve-suite';
import { StartRunsError } from './start-runs';

export const EstimateRunsSchema = z.object({
  modelIds: z.array(z.string().min(1)).min(1).max(20),
  suiteId: SuiteIdSchema,
  samples: z.number().int().min(1).max(100).default(1),
});

/** A run this large on a hosted model is started only after the person confirms it. */
export const CONFIRM_ABOVE = { usd: 1, requests: 2_000 } as const;

/** When a model has no answers yet to learn from, an answer is assumed to be this long (or its max tokens). */
const ASSUMED_COMPLETION_TOKENS = 256;

/** About 4 characters per token for English text (the usual rule of thumb; a real tokenizer is model-specific). */
const tokensOf = (text: string) => Math.ceil(text.length / 4);

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

export interface RunEstimate {
  modelId: string;
  label: string;
  hosted: boolean;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  /** How completionTokens was estimated, in words. */
  completionBasis: string;
  /** USD from the model's configured prices, or null when it has none. */
  costUsd: number | null;
  confirm: boolean;
}

/**
 * What starting these runs would send: requests, tokens (prompt tokens counted from the suite's prompts, completion
 * tokens from the model's own past answers or its max tokens) and cost from its prices. Hosted models (anything not
 * on loopback) above CONFIRM_ABOVE need a confirmation.
 */
export async function estimateRuns(store: SqlRunner, raw: z.input<typeof EstimateRunsSchema>): Promise<RunEstimate[]> {
  const input = EstimateRunsSchema.parse(raw);
  let suite;
  try {
    suite = await resolveSuite(store, input.suiteId);
  } catch (error) {
    if (error instanceof SuiteError) throw new StartRunsError(error.message);
    throw error;
  }
  const probes = suite.pairs.flatMap(pairProbes);
  const promptChars = probes.reduce((sum, probe) => sum + probe.prompt.length, 0);
  return Promise.all([...new Set(input.modelIds)].map(async (modelId) => {
    const model = await modelById(store, modelId);
    if (!model) throw new StartRunsError(`unknown model "${modelId}"`);
    const requests = probes.length * input.samples;
    const system = model.systemPrompt ? tokensOf(model.systemPrompt) : 0;
    const promptTokens = (Math.ceil(promptChars / 4) + probes.length * system) * input.samples;
    const mean = await meanCompletionTokens(store, modelId);
    const perAnswer = mean !== null ? Math.round(mean) : (model.maxTokens ?? ASSUMED_COMPLETION_TOKENS);
    const completionBasis = mean !== null ? `its mean answer so far (${Math.round(mean)} tokens)` : model.maxTokens ? `its max tokens (${model.maxTokens})` : `an assumed ${ASSUMED_COMPLETION_TOKENS} tokens per answer`;
    const completionTokens = perAnswer * requests;
    const costUsd = model.priceInput !== null && model.priceOutput !== null ? (promptTokens * model.priceInput + completionTokens * model.priceOutput) / 1e6 : null;
    let hosted = true;
    try {
      hosted = model.baseUrl !== null && !LOOPBACK.test(new URL(model.baseUrl).hostname);
    } catch {
      // an unparsable URL fails at the preflight; treat it as hosted here
    }
    const confirm = hosted && ((costUsd !== null && costUsd >= CONFIRM_ABOVE.usd) || requests >= CONFIRM_ABOVE.requests);
    return { modelId, label: model.label, hosted, requests, promptTokens, completionTokens, completionBasis, costUsd, confirm };
  }));
}

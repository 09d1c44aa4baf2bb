import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointCardSchema, type CheckpointCard } from '../../evals/contracts/checkpoint-card';
import { CARD_JSON } from '../models/checkpoint-files';
import type { LoadedCheckpoint } from '../models/load-checkpoint';
import type { TaskName } from '../tasks';

/** What an input's length counts, per task, for the dashboard's axis labels. */
const LENGTH_UNIT: Record<TaskName, string> = {
  parity: 'bits',
  addition: 'digits per operand',
  'binary-to-decimal': 'bits',
  'stack-operations': 'operations',
};

/** A checkpoint's card as served, or the one-line reason it cannot be (no card.json, not JSON, a field out of shape). */
export type ServedCard = { card: CheckpointCard; problem: null } | { card: null; problem: string };

/**
 * Reads `card.json` of a loaded checkpoint into the served card contract (evals/contracts/checkpoint-card.ts). Read
 * once when the checkpoint is loaded, so the card always describes the weights being served. A missing or broken card
 * never stops the server: the model is still served, and its card route says what is wrong and where.
 */
export function readServedCard(loaded: Pick<LoadedCheckpoint, 'dir' | 'file' | 'task'>): ServedCard {
  const file = join(loaded.dir, CARD_JSON);
  if (!existsSync(file)) return { card: null, problem: `${loaded.file.name} has no ${CARD_JSON}` };
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    return { card: null, problem: `${loaded.file.name}/${CARD_JSON}: not JSON (${(error as Error).message})` };
  }
  const evaluation = (raw?.evaluation ?? {}) as Record<string, unknown>;
  const parsed = CheckpointCardSchema.safeParse({
    ...raw,
    checkpoint: loaded.file.name,
    family: loaded.task.family,
    lengthUnit: LENGTH_UNIT[loaded.task.name],
    // One-tick models (the Transformer) have no thinking-time field at all.
    evaluation: { ...evaluation, thinking: evaluation.thinking ?? null },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { card: null, problem: `${loaded.file.name}/${CARD_JSON}: ${issue.path.join('.') || 'file'}: ${issue.message}` };
  }
  return { card: parsed.data, problem: null };
}

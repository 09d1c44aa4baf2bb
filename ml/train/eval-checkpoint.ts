import { loadCheckpoint } from '../models/load-checkpoint';
import { Predictor } from '../models/predict';
import { buildSplits } from '../tasks';
import { assess } from './assess';
import type { LengthResult } from './evaluate';
import { EVAL_PER_LENGTH, EVAL_SEED } from './splits-config';
import type { ThinkingTime } from './thinking-time';

export interface EvalCheckpointResult {
  name: string;
  arch: string;
  task: string;
  split: 'test';
  ticks: number;
  threshold: number;
  meanAccuracy: number;
  byLength: LengthResult[];
  /** Certainty-halting (and other multi-tick) models: accuracy by inference ticks and ticks used, on unseen inputs. */
  thinking: ThinkingTime | null;
}

/**
 * Re-evaluates a checkpoint on its test split (rebuilt from the same seed as its card), at the card's halting
 * threshold unless another is given, optionally with fewer ticks: the figures of the card and of ml/README.md.
 */
export async function evalCheckpoint(dir: string, o: { ticks?: number; threshold?: number }): Promise<EvalCheckpointResult> {
  const loaded = await loadCheckpoint(dir);
  const predictor = new Predictor(loaded.arch, loaded.task, loaded.config, loaded.params, 128, o.ticks);
  const splits = buildSplits(loaded.task, { seed: EVAL_SEED, perLength: EVAL_PER_LENGTH });
  const result = assess(predictor, splits, o.threshold ?? loaded.file.haltThreshold);
  predictor.dispose();
  return {
    name: loaded.file.name,
    arch: loaded.file.arch,
    task: loaded.file.task,
    split: 'test',
    ticks: predictor.ticks,
    threshold: result.threshold,
    meanAccuracy: result.test.meanAccuracy,
    byLength: result.test.byLength,
    thinking: result.thinking,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatEvalTable(r: EvalCheckpointResult): string {
  const lines = r.byLength.map(
    (l) =>
      `${String(l.length).padStart(6)}  ${String(l.n).padStart(4)}  ${pct(l.accuracy).padStart(6)}  [${pct(l.low)}, ${pct(l.high)}]  ${l.meanTicks.toFixed(1).padStart(6)}  ${l.heldOut ? 'held out' : 'overlaps training'}`,
  );
  let out = `${r.name} (${r.arch}, ${r.task}) test split, ticks ${r.ticks}, threshold ${r.threshold}: mean ${pct(r.meanAccuracy)}\nlength     n  accuracy  95% interval        ticks\n${lines.join('\n')}\n`;
  if (r.thinking) {
    const t = r.thinking;
    out += `\nunseen inputs (lengths ${t.lengths.join(', ')}): accuracy when stopped after k ticks\n`;
    out += t.byTicks.map((b) => `  k=${String(b.ticks).padStart(2)}  ${pct(b.accuracy).padStart(6)}  [${pct(b.low)}, ${pct(b.high)}]  n=${b.n}`).join('\n');
    const c = t.ticksUsedByCorrectness;
    out += `\nticks used (threshold ${t.threshold}): right answers ${c.correct.mean.toFixed(2)} [${c.correct.low.toFixed(2)}, ${c.correct.high.toFixed(2)}] n=${c.correct.n}, wrong ${c.wrong.mean.toFixed(2)} [${c.wrong.low.toFixed(2)}, ${c.wrong.high.toFixed(2)}] n=${c.wrong.n}\n`;
  }
  return out;
}

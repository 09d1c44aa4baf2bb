import { buildEvalSet } from '../tasks';
import { evaluate, type LengthResult } from './evaluate';
import { loadCheckpoint } from '../models/load-checkpoint';
import { Predictor } from '../models/predict';
import { EVAL_PER_LENGTH, EVAL_SEED } from './run-training';

export interface EvalCheckpointResult {
  name: string;
  arch: string;
  task: string;
  ticks: number;
  threshold: number;
  meanAccuracy: number;
  byLength: LengthResult[];
}

/**
 * Re-evaluates a checkpoint on the fixed evaluation set (same seed as its card), optionally with fewer ticks or
 * another halting threshold: the numbers of ml/README.md come from here.
 */
export async function evalCheckpoint(dir: string, o: { ticks?: number; threshold?: number }): Promise<EvalCheckpointResult> {
  const loaded = await loadCheckpoint(dir);
  const predictor = new Predictor(loaded.arch, loaded.task, loaded.config, loaded.params, 128, o.ticks);
  const threshold = o.threshold ?? loaded.file.haltThreshold;
  const slices = buildEvalSet(loaded.task, { seed: EVAL_SEED, perLength: EVAL_PER_LENGTH });
  const [result] = evaluate(predictor, slices, [threshold]);
  predictor.dispose();
  return {
    name: loaded.file.name,
    arch: loaded.file.arch,
    task: loaded.file.task,
    ticks: predictor.ticks,
    threshold,
    meanAccuracy: result!.meanAccuracy,
    byLength: result!.byLength,
  };
}

export function formatEvalTable(r: EvalCheckpointResult): string {
  const lines = r.byLength.map(
    (l) => `${String(l.length).padStart(6)}  ${String(l.n).padStart(4)}  ${(100 * l.accuracy).toFixed(1).padStart(6)}%  ${l.meanTicks.toFixed(1).padStart(6)}  ${l.heldOut ? 'held out' : 'overlaps training'}`,
  );
  return `${r.name} (${r.arch}, ${r.task}) ticks ${r.ticks} threshold ${r.threshold}: mean ${(100 * r.meanAccuracy).toFixed(1)}%\nlength     n  accuracy   ticks\n${lines.join('\n')}\n`;
}

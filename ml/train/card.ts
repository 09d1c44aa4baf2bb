import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ThresholdResult } from './evaluate';
import type { ThinkingTime } from './thinking-time';
import { CARD_JSON, CARD_MD } from '../models/checkpoint-files';

/** The training card: how a checkpoint was made and how well it does, per difficulty. */
export interface Card {
  name: string;
  arch: string;
  task: string;
  /** The exact command that produced this checkpoint. */
  command: string;
  /** The command that recomputes the card's test-split figures from the checkpoint. */
  evalCommand: string;
  seed: number;
  steps: number;
  batchSize: number;
  /** `curriculum`: share of the run over which the input length ramps up (0 = none). */
  schedule: { peakLr: number; minLr: number; warmupSteps: number; maxGradNorm: number | null; curriculum: number };
  wallTimeSeconds: number;
  stepsPerSecond: number;
  paramCount: number;
  modelBytes: number;
  ticks: number;
  answerRule: string;
  haltThreshold: number;
  model: Record<string, unknown>;
  evaluation: {
    /** Every figure here is on the test split (seed, inputs per length); the threshold was chosen on validation. */
    split: 'test';
    seed: number;
    perLength: number;
    /** Accuracy per difficulty (with its 95% interval) at the halting threshold. */
    byLength: ThresholdResult['byLength'];
    meanAccuracy: number;
    /** The validation split's accuracy per halting threshold, which chose `haltThreshold` (certainty halting). */
    validationSweep: { threshold: number; meanAccuracy: number; meanTicks: number }[];
    /** Multi-tick models: thinking time on the held-out lengths of the test split (ml/train/thinking-time.ts). */
    thinking: ThinkingTime | null;
  };
  /** Plain sentences on what the evaluation and the suite share with the training data. */
  overlap: string[];
  runtime: string;
  createdAt: string;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function renderCardMarkdown(card: Card): string {
  const rows = card.evaluation.byLength
    .map(
      (r) =>
        `| ${r.length} | ${r.n} | ${pct(r.accuracy)} | ${pct(r.low)}–${pct(r.high)} | ${r.meanTicks.toFixed(1)} | ${r.heldOut ? 'yes' : 'no (overlaps training)'} |`,
    )
    .join('\n');
  const sweep =
    card.evaluation.validationSweep.length > 1
      ? `\n## Halting threshold, chosen on the validation split\n\n| threshold | validation mean accuracy | mean ticks used |\n| --- | --- | --- |\n${card.evaluation.validationSweep
          .map((s) => `| ${s.threshold} | ${pct(s.meanAccuracy)} | ${s.meanTicks.toFixed(1)} |`)
          .join('\n')}\n`
      : '';
  const thinking = card.evaluation.thinking ? renderThinking(card.evaluation.thinking) : '';
  return `# ${card.name}

${card.arch} trained on ${card.task}: ${card.paramCount.toLocaleString('en')} parameters, ${card.ticks} tick(s), ${(card.modelBytes / 1024).toFixed(0)} KiB.

Reproduce: \`${card.command}\`

| | |
| --- | --- |
| seed | ${card.seed} |
| steps × batch | ${card.steps} × ${card.batchSize}${card.schedule.curriculum ? ` (length curriculum over the first ${pct(card.schedule.curriculum)} of the steps)` : ''} |
| learning rate | warm-up ${card.schedule.warmupSteps} steps to ${card.schedule.peakLr}, cosine to ${card.schedule.minLr}${card.schedule.maxGradNorm ? `, grad-norm clip ${card.schedule.maxGradNorm}` : ''} |
| wall time | ${card.wallTimeSeconds.toFixed(0)} s (${card.stepsPerSecond.toFixed(1)} steps/s) |
| answer | ${card.answerRule === 'certainty-halting' ? `first tick with certainty ≥ ${card.haltThreshold}, else the most certain tick` : 'last tick'} |
| runtime | ${card.runtime} |

## Accuracy by length (whole answer, test split, seed ${card.evaluation.seed})

Mean over lengths: ${pct(card.evaluation.meanAccuracy)}. Reproduce: \`${card.evalCommand}\`.

| length | n | accuracy | 95% interval | mean ticks used | held out of training |
| --- | --- | --- | --- | --- | --- |
${rows}
${sweep}${thinking}
## Overlap with training data

${card.overlap.map((s) => `- ${s}`).join('\n')}

Model config: \`${JSON.stringify(card.model)}\`
`;
}

function renderThinking(t: ThinkingTime): string {
  const curve = t.byTicks.map((b) => `| ${b.ticks} | ${b.n} | ${pct(b.accuracy)} | ${pct(b.low)}–${pct(b.high)} |`).join('\n');
  const byLength = t.ticksUsedByLength.map((l) => `| ${l.length} | ${l.n} | ${l.mean.toFixed(2)} | ${l.low.toFixed(2)}–${l.high.toFixed(2)} |`).join('\n');
  const c = t.ticksUsedByCorrectness;
  return `
## Thinking time on unseen inputs (test split, lengths ${t.lengths.join(', ')})

Accuracy if the model is stopped after k ticks:

| k | n | accuracy | 95% interval |
| --- | --- | --- | --- |
${curve}

Ticks used under adaptive halting (threshold ${t.threshold}), by length:

| length | n | mean ticks used | 95% interval |
| --- | --- | --- | --- |
${byLength}

By correctness: right answers ${c.correct.mean.toFixed(2)} ticks (${c.correct.low.toFixed(2)}–${c.correct.high.toFixed(2)}, n = ${c.correct.n}), wrong answers ${c.wrong.mean.toFixed(2)} (${c.wrong.low.toFixed(2)}–${c.wrong.high.toFixed(2)}, n = ${c.wrong.n}).
`;
}

export function writeCard(dir: string, card: Card): void {
  writeFileSync(join(dir, CARD_JSON), `${JSON.stringify(card, null, 2)}\n`);
  writeFileSync(join(dir, CARD_MD), renderCardMarkdown(card));
}


import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ThresholdResult } from './evaluate';
import { CARD_JSON, CARD_MD } from '../models/checkpoint-files';

/** The training card: how a checkpoint was made and how well it does, per difficulty. */
export interface Card {
  name: string;
  arch: string;
  task: string;
  /** The exact command that produced this checkpoint. */
  command: string;
  seed: number;
  steps: number;
  batchSize: number;
  schedule: { peakLr: number; minLr: number; warmupSteps: number; maxGradNorm: number | null };
  wallTimeSeconds: number;
  stepsPerSecond: number;
  paramCount: number;
  modelBytes: number;
  ticks: number;
  answerRule: string;
  haltThreshold: number;
  model: Record<string, unknown>;
  evaluation: {
    seed: number;
    perLength: number;
    /** Accuracy per difficulty at the default halting threshold. */
    byLength: ThresholdResult['byLength'];
    meanAccuracy: number;
    /** Accuracy for each halting threshold (certainty-halting models). */
    thresholdSweep: { threshold: number; meanAccuracy: number; meanTicks: number }[];
  };
  /** Plain sentences on what the evaluation and the suite share with the training data. */
  overlap: string[];
  runtime: string;
  createdAt: string;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function renderCardMarkdown(card: Card): string {
  const rows = card.evaluation.byLength
    .map((r) => `| ${r.length} | ${r.n} | ${pct(r.accuracy)} | ${r.meanTicks.toFixed(1)} | ${r.heldOut ? 'yes' : 'no (overlaps training)'} |`)
    .join('\n');
  const sweep =
    card.evaluation.thresholdSweep.length > 1
      ? `\n## Halting threshold sweep\n\n| threshold | mean accuracy | mean ticks |\n| --- | --- | --- |\n${card.evaluation.thresholdSweep
          .map((s) => `| ${s.threshold} | ${pct(s.meanAccuracy)} | ${s.meanTicks.toFixed(1)} |`)
          .join('\n')}\n`
      : '';
  return `# ${card.name}

${card.arch} trained on ${card.task}: ${card.paramCount.toLocaleString('en')} parameters, ${card.ticks} tick(s), ${(card.modelBytes / 1024).toFixed(0)} KiB.

Reproduce: \`${card.command}\`

| | |
| --- | --- |
| seed | ${card.seed} |
| steps × batch | ${card.steps} × ${card.batchSize} |
| learning rate | warm-up ${card.schedule.warmupSteps} steps to ${card.schedule.peakLr}, cosine to ${card.schedule.minLr}${card.schedule.maxGradNorm ? `, grad-norm clip ${card.schedule.maxGradNorm}` : ''} |
| wall time | ${card.wallTimeSeconds.toFixed(0)} s (${card.stepsPerSecond.toFixed(1)} steps/s) |
| answer | ${card.answerRule === 'certainty-halting' ? `first tick with certainty ≥ ${card.haltThreshold}, else the most certain tick` : 'last tick'} |
| runtime | ${card.runtime} |

## Accuracy by length (whole answer, evaluation seed ${card.evaluation.seed})

Mean over lengths: ${pct(card.evaluation.meanAccuracy)}.

| length | n | accuracy | mean ticks | held out of training |
| --- | --- | --- | --- | --- |
${rows}
${sweep}
## Overlap with training data

${card.overlap.map((s) => `- ${s}`).join('\n')}

Model config: \`${JSON.stringify(card.model)}\`
`;
}

export function writeCard(dir: string, card: Card): void {
  writeFileSync(join(dir, CARD_JSON), `${JSON.stringify(card, null, 2)}\n`);
  writeFileSync(join(dir, CARD_MD), renderCardMarkdown(card));
}


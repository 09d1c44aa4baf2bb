/**
 * Writes ml/README.md's thinking-time chart from checkpoint cards:
 *   npx tsx ml/train/write-thinking-chart.ts OUT.svg "TITLE" LABEL=checkpoints/<dir> [LABEL=checkpoints/<dir> ...]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CardFileSchema } from './card-schema';
import { thinkingChartSvg } from './thinking-chart';
import type { ThinkingTime } from './thinking-time';

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'];
const [out, title, ...specs] = process.argv.slice(2);
if (!out || !title || specs.length === 0) throw new Error('usage: write-thinking-chart.ts OUT.svg TITLE LABEL=DIR...');
const series = specs.map((spec, i) => {
  const [label, dir] = spec.split('=') as [string, string];
  const card = CardFileSchema.parse(JSON.parse(readFileSync(join(dir, 'card.json'), 'utf8')));
  const thinking = (card.evaluation as { thinking?: ThinkingTime | null }).thinking;
  if (!thinking) throw new Error(`${dir}/card.json has no evaluation.thinking (a one-tick model?)`);
  return { label, colour: COLOURS[i % COLOURS.length]!, thinking };
});
writeFileSync(out, thinkingChartSvg(series, title));
console.log(`wrote ${out}`);

/**
 * Writes a run's learning curve (one row per EVERY steps) from its progress log:
 *   npx sawtooth train ... 2> train.log
 *   npx tsx ml/train/write-learning-curve.ts train.log checkpoints/<dir>/learning-curve.csv [EVERY=250]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { curveCsv, parseProgressLog, sampleCurve } from './learning-curve';

const [log, out, every = '250'] = process.argv.slice(2);
if (!log || !out) throw new Error('usage: write-learning-curve.ts LOG OUT.csv [EVERY]');
const points = sampleCurve(parseProgressLog(readFileSync(log, 'utf8')), Number(every));
if (points.length === 0) throw new Error(`${log}: no progress lines ("step N/M loss … len16 …%") found`);
writeFileSync(out, curveCsv(points));
console.log(`wrote ${out} (${points.length} points, last step ${points.at(-1)!.step})`);

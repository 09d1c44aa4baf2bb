/**
 * Prints ml/README.md's seed table (markdown) and the per-architecture mean and spread, from checkpoint cards:
 *   npx tsx ml/train/write-results-table.ts 8,12,16 checkpoints/<dir> [checkpoints/<dir> ...]
 * The row label is the folder under checkpoints/.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CardFileSchema } from './card-schema';
import { resultsTable, seedSummary } from './results-table';

const [lengthList, ...dirs] = process.argv.slice(2);
const lengths = (lengthList ?? '').split(',').map(Number);
if (dirs.length === 0 || lengths.some((l) => !Number.isInteger(l) || l < 1)) {
  throw new Error('usage: write-results-table.ts LENGTHS(e.g. 8,12,16) DIR...');
}
const runs = dirs.map((dir) => ({
  label: relative('checkpoints', dir),
  card: CardFileSchema.parse(JSON.parse(readFileSync(join(dir, 'card.json'), 'utf8'))),
}));
console.log(resultsTable(runs, lengths));
console.log('');
for (const line of seedSummary(runs, Math.max(...lengths))) console.log(`- ${line}`);

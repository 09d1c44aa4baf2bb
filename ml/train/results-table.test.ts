import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CardFileSchema } from './card-schema';
import { resultsTable, seedSummary } from './results-table';

const card = (dir: string) => CardFileSchema.parse(JSON.parse(readFileSync(`checkpoints/${dir}/card.json`, 'utf8')));

describe('results table from cards', () => {
  it('puts each card’s own test-split figures in its row', () => {
    const ctm = card('ctm-parity');
    const at16 = ctm.evaluation.byLength.find((l) => l.length === 16)!;
    const table = resultsTable([{ label: 'ctm-parity', card: ctm }], [8, 16]).split('\n');
    expect(table).toHaveLength(3);
    expect(table[0]).toContain('| 8 bits | 16 bits |');
    expect(table[2]).toContain(`${(100 * at16.accuracy).toFixed(1)}% (${(100 * at16.low).toFixed(1)}%–${(100 * at16.high).toFixed(1)}%, n=${at16.n})`);
    expect(table[2]).toContain(`| ${at16.meanTicks.toFixed(1)} |`);
  });

  it('summarises mean and spread per architecture', () => {
    const runs = [{ label: 'a', card: card('ctm-parity') }, { label: 'b', card: card('lstm-parity') }, { label: 'c', card: card('transformer-parity') }];
    const lines = seedSummary(runs, 16);
    expect(lines.map((l) => l.split(':')[0])).toEqual(['ctm', 'lstm', 'transformer']);
    const lstm16 = runs[1]!.card.evaluation.byLength.find((l) => l.length === 16)!.accuracy;
    expect(lines[1]).toContain(`${(100 * lstm16).toFixed(1)}%`);
  });
});

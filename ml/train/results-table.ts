import type { z } from 'zod';
import type { CardFileSchema } from './card-schema';

type Card = z.infer<typeof CardFileSchema>;

export interface TableRun {
  /** How the row names the run (e.g. its folder under checkpoints/). */
  label: string;
  card: Card;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** "87.5% (71.9%–95.0%, n=32)" for one length of a card's test split, or "–" when the card has no such length. */
function atLength(card: Card, length: number): string {
  const row = card.evaluation.byLength.find((l) => l.length === length);
  return row ? `${pct(row.accuracy)} (${pct(row.low)}–${pct(row.high)}, n=${row.n})` : '–';
}

/**
 * ml/README.md's seed table from the cards themselves, so the README never carries a figure no card holds:
 * one row per run with its test-split accuracy at the chosen lengths, the mean over all lengths and the ticks
 * used at the longest one.
 */
export function resultsTable(runs: readonly TableRun[], lengths: readonly number[]): string {
  const longest = Math.max(...lengths);
  const head = ['run', 'arch', 'seed', 'params', 'ticks', 'steps', 'wall time', ...lengths.map((l) => `${l} bits`), 'mean (all lengths)', `ticks used, ${longest} bits`];
  const rows = runs.map(({ label, card }) => {
    const last = card.evaluation.byLength.find((l) => l.length === longest);
    return [
      `\`${label}\``, card.arch, String(card.seed), card.paramCount.toLocaleString('en-US'), String(card.ticks), String(card.steps),
      `${Math.round(card.wallTimeSeconds)} s`, ...lengths.map((l) => atLength(card, l)), pct(card.evaluation.meanAccuracy), last ? last.meanTicks.toFixed(1) : '–',
    ];
  });
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** "CTM: 53.5% (49.2 / 53.1 / 58.2%)": the mean over seeds at one length and each seed's figure, per architecture. */
export function seedSummary(runs: readonly TableRun[], length: number): string[] {
  const byArch = new Map<string, number[]>();
  for (const { card } of runs) {
    const row = card.evaluation.byLength.find((l) => l.length === length);
    if (!row) continue;
    byArch.set(card.arch, [...(byArch.get(card.arch) ?? []), row.accuracy]);
  }
  return [...byArch].map(([arch, xs]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return `${arch}: ${pct(mean)} (${xs.map((x) => (100 * x).toFixed(1)).join(' / ')}%; spread ${(100 * (Math.max(...xs) - Math.min(...xs))).toFixed(1)} points)`;
  });
}

import { z } from 'zod';
import { TierSchema, type Tier } from '../contracts';
import { compareCodePoints } from './group-by-family';

/** One probe answered by a model that reports its thinking time (the CTM's internal ticks). */
export const ThinkingRowSchema = z.object({
  family: z.string().min(1),
  tier: TierSchema,
  ticks: z.number().nonnegative(),
});
export type ThinkingRow = z.infer<typeof ThinkingRowSchema>;

/** Ticks used on one tier of one family. mean/median are null when n = 0. */
export interface ThinkingTime {
  family: string;
  tier: Tier;
  n: number;
  mean: number | null;
  median: number | null;
}

/**
 * Thinking time per family and tier: does the model think longer on harder probes? Families in id order, each with
 * an easy then a hard row; a tier with no rows is listed with n 0 so the chart states it. The median is reported next
 * to the mean because tick counts are often capped (a maxed-out tick budget is a long right tail or a spike at the cap).
 */
export function thinkingTime(rows: readonly ThinkingRow[]): ThinkingTime[] {
  const byFamily = new Map<string, { easy: number[]; hard: number[] }>();
  for (const row of rows) {
    let ticks = byFamily.get(row.family);
    if (!ticks) byFamily.set(row.family, (ticks = { easy: [], hard: [] }));
    ticks[row.tier].push(row.ticks);
  }
  return [...byFamily.keys()].sort(compareCodePoints).flatMap((family) =>
    (['easy', 'hard'] as const).map((tier) => summarise(family, tier, byFamily.get(family)![tier])),
  );
}

function summarise(family: string, tier: Tier, ticks: number[]): ThinkingTime {
  const n = ticks.length;
  if (n === 0) return { family, tier, n, mean: null, median: null };
  const sorted = Float64Array.from(ticks).sort();
  const middle = n >> 1;
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { family, tier, n, mean: ticks.reduce((total, t) => total + t, 0) / n, median };
}

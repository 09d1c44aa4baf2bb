import type { Tier } from '../contracts';
import type { FamilyMetrics } from './family-metrics';
import { byDomainThenId } from './group-by-family';

/** One point of the sawtooth line, with its whisker and n. acc/lo/hi are null for a family with no usable pair. */
export interface ProfilePoint {
  family: string;
  domain: string;
  tier: Tier;
  acc: number | null;
  lo: number | null;
  hi: number | null;
  n: number;
}

/**
 * The sawtooth profile: families in the fixed order (domain, then family id), each giving (f, easy, acc_e) then
 * (f, hard, acc_h). Sorted here even if the input is not, so every caller draws the same line. Families without data
 * keep their two points (acc null, n 0): the chart shows a gap rather than silently closing it.
 */
export function sawtoothProfile(families: readonly FamilyMetrics[]): ProfilePoint[] {
  return [...families].sort(byDomainThenId).flatMap((family) =>
    (['easy', 'hard'] as const).map((tier) => {
      const { acc, lo, hi, n } = family[tier];
      return { family: family.id, domain: family.domain, tier, acc, lo, hi, n };
    }),
  );
}

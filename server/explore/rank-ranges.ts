/** A ranked value with its 95% interval. */
export interface RankedValue {
  id: string;
  value: number | null;
  lo: number | null;
  hi: number | null;
}

/** A rank that noise cannot decide: every rank from `best` to `worst` is consistent with the intervals. */
export interface RankRange {
  best: number;
  worst: number;
}

/**
 * Ranks (1 = highest value) with their uncertainty: a model is certainly above another only when its interval lies
 * wholly above the other's. best = 1 + the models certainly above it; worst = the models not certainly below it.
 * Models whose intervals overlap share ranks (shown "1–3", or "=" when tied exactly), so point estimates inside the
 * noise are never ordered. Values without an interval count as their point; a null value gets no rank.
 */
export function rankRanges(items: readonly RankedValue[]): Map<string, RankRange> {
  const ranked = items
    .filter((item) => item.value !== null)
    .map((item) => ({ id: item.id, lo: item.lo ?? item.value!, hi: item.hi ?? item.value! }));
  const ranges = new Map<string, RankRange>();
  for (const item of ranked) {
    const above = ranked.filter((other) => other.lo > item.hi).length;
    const below = ranked.filter((other) => other.hi < item.lo).length;
    ranges.set(item.id, { best: 1 + above, worst: ranked.length - below });
  }
  return ranges;
}

import type { AnswerRule } from './architecture';

/** Which tick answered and why. `ticksUsed` is 1-based; certainties are per tick for the whole run. */
export interface HaltDecision {
  ticksUsed: number;
  /** True when the certainty threshold was reached; false when the fallback (most certain tick) answered. */
  reachedThreshold: boolean;
}

/**
 * The answer tick for one sample from its per-tick certainties. Certainty halting (ctm.md §2.3): the first tick
 * whose certainty ≥ threshold; if none reaches it, the most certain tick (first on ties). Because tick t depends only
 * on ticks ≤ t, answering at the halting tick of a full run equals stopping the run there. Baselines trained on
 * their final tick always answer at the last one.
 */
export function chooseTick(certainty: ArrayLike<number>, rule: AnswerRule, threshold: number): HaltDecision {
  const ticks = certainty.length;
  if (rule === 'last-tick') return { ticksUsed: ticks, reachedThreshold: certainty[ticks - 1]! >= threshold };
  let best = 0;
  for (let t = 0; t < ticks; t++) {
    if (certainty[t]! >= threshold) return { ticksUsed: t + 1, reachedThreshold: true };
    if (certainty[t]! > certainty[best]!) best = t;
  }
  return { ticksUsed: best + 1, reachedThreshold: false };
}

import { percentileInterval } from './bootstrap';
import { groupByFamily } from './group-by-family';
import { resolveBootstrap, type BootstrapOptions } from './prng';
import { scorePairs } from './scored-pairs';
import { stratifiedBootstrap } from './stratified-bootstrap';
import type { PairTally } from './tally';

/** How much the easy floor really differs between families, net of binomial noise. */
export interface BetweenFamilyVariance {
  /** τ = √τ²: the standard deviation of the families' true easy accuracies (accuracy scale, like U). */
  tau: number | null;
  tau2: number | null;
  /** 95% percentile bootstrap interval of τ (resampling pairs within families); lo is 0 when 0 is plausible. */
  lo: number | null;
  hi: number | null;
  /** Families used: those with at least 2 used pairs (a within-family variance needs two). */
  nFamilies: number;
  /** Evaluated families left out for having a single used pair. */
  excludedFamilies: number;
}

/**
 * Method-of-moments random-effects variance of easy accuracy between families (the fixed-set analogue of
 * DerSimonian–Laird, unweighted so that a family at 0% or 100% needs no continuity correction):
 *
 *   τ² = max(0, U² − (F − 1)/F · mean_f v_f),  U² = (1/F) Σ_f (y_f − ȳ)²,  v_f = s_f² / n_f
 *
 * with y_f the family's easy accuracy over its n_f used pairs and s_f² the sample variance of those pairs' easy pass
 * rates (with k = 1: y_f(1 − y_f)·n_f/(n_f − 1)). v_f is an unbiased estimate of the sampling variance of y_f, and
 * E[U²] = (population variance of the true accuracies) + (F − 1)/F · mean v_f exactly, so τ² removes the part of U²
 * that binomial noise alone produces: a model whose families do not really differ gets τ ≈ 0. When pairs within a
 * family differ in difficulty, s_f² counts that too, so τ errs low (conservative). Needs F ≥ 2 families with n_f ≥ 2.
 * Interval: resampling pairs within families (default 2,000 draws, fixed seed), recentred on the estimate (below).
 */
export function betweenFamilyVariance(pairs: readonly PairTally[], options?: BootstrapOptions): BetweenFamilyVariance {
  return betweenFamilyVarianceOfRates(
    groupByFamily(pairs).map((family) => scorePairs(family.pairs).easy),
    options,
  );
}

/** Same, from each evaluated family's easy pass rates (one entry per used pair). */
export function betweenFamilyVarianceOfRates(familyRates: readonly Float64Array[], options?: BootstrapOptions): BetweenFamilyVariance {
  const evaluated = familyRates.filter((rates) => rates.length > 0);
  const used = evaluated.filter((rates) => rates.length >= 2);
  const excludedFamilies = evaluated.length - used.length;
  const empty = { tau: null, tau2: null, lo: null, hi: null, nFamilies: used.length, excludedFamilies };
  if (used.length < 2) return empty;
  const raw = rawTau2(used);
  const { draws } = resolveBootstrap(options);
  const values = new Float64Array(draws);
  stratifiedTau2(used, options, values);
  // Resampling pairs within a family adds binomial noise of its own, which the resample's v_f then removes again:
  // the draws centre on U², not on τ̂². So the interval is the draws' spread recentred on the estimate (a basic
  // bias-corrected percentile interval), then truncated at 0 and square-rooted.
  let drawMean = 0;
  for (const value of values) drawMean += value / draws;
  const interval = percentileInterval(values);
  const tau2 = Math.max(0, raw);
  const root = (x: number | undefined) => (x === undefined ? null : Math.sqrt(Math.max(0, raw + x - drawMean)));
  return { tau: Math.sqrt(tau2), tau2, lo: root(interval?.lo), hi: root(interval?.hi), nFamilies: used.length, excludedFamilies };
}

/** The moment estimate before truncation at 0 (may be negative: less spread than noise alone would give). */
function rawTau2(families: readonly ArrayLike<number>[], rows?: readonly Int32Array[]): number {
  const F = families.length;
  let sumY = 0;
  let sumY2 = 0;
  let sumV = 0;
  for (let f = 0; f < F; f++) {
    const rates = families[f]!;
    const familyRows = rows?.[f];
    const n = familyRows ? familyRows.length : rates.length;
    let s = 0;
    let s2 = 0;
    for (let r = 0; r < n; r++) {
      const x = rates[familyRows ? familyRows[r]! : r]!;
      s += x;
      s2 += x * x;
    }
    const y = s / n;
    const within = Math.max(0, (s2 - n * y * y) / (n - 1));
    sumY += y;
    sumY2 += y * y;
    sumV += within / n;
  }
  const meanY = sumY / F;
  const u2 = Math.max(0, sumY2 / F - meanY * meanY);
  return u2 - ((F - 1) / F) * (sumV / F);
}

function stratifiedTau2(families: readonly Float64Array[], options: BootstrapOptions | undefined, out: Float64Array): void {
  stratifiedBootstrap(
    families.map((rates) => rates.length),
    options,
    (rows, draw) => {
      out[draw] = rawTau2(families, rows);
    },
  );
}

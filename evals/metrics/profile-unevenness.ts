import type { FamilyMetrics } from './family-metrics';

/** U with the families it rests on. */
export interface ProfileUnevenness {
  u: number | null;
  nFamilies: number;
  /** Families left out because they have no easy accuracy (no usable pair). */
  excludedFamilies: number;
}

/**
 * Profile unevenness U = POPULATION standard deviation (divide by F) of acc_e(f) across the families that have one.
 * Population, not sample: the families are the whole fixed set the suite defines, and U describes how this model's
 * easy floor swings over exactly that set; it is not an estimate for some wider universe of skills. It also keeps
 * U = 0 (not undefined) for a one-family suite, and models compared on one suite differ by the same factor either
 * way. Null when no family has an acc_e.
 */
export function profileUnevenness(families: readonly FamilyMetrics[]): ProfileUnevenness {
  const accuracies = families.flatMap((family) => (family.easy.acc === null ? [] : [family.easy.acc]));
  const nFamilies = accuracies.length;
  const excludedFamilies = families.length - nFamilies;
  if (nFamilies === 0) return { u: null, nFamilies, excludedFamilies };
  const mean = accuracies.reduce((total, acc) => total + acc, 0) / nFamilies;
  const variance = accuracies.reduce((total, acc) => total + (acc - mean) ** 2, 0) / nFamilies;
  return { u: Math.sqrt(variance), nFamilies, excludedFamilies };
}

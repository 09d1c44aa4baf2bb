import type { ProfilePoint } from '../../evals/metrics';
import type { StoredProfile } from './stored-profile';

/**
 * The sawtooth line of a stored profile (families in its chart order, easy then hard). A family not evaluated keeps
 * its two points with no value: the chart shows a gap, never a 0%.
 */
export function profilePoints(profile: StoredProfile): ProfilePoint[] {
  return profile.families.flatMap((family) =>
    (['easy', 'hard'] as const).map((tier): ProfilePoint => {
      if (!family.evaluated) return { family: family.id, domain: family.domain, tier, acc: null, lo: null, hi: null, n: 0 };
      const { acc, lo, hi, n } = family[tier];
      return { family: family.id, domain: family.domain, tier, acc, lo, hi, n };
    }),
  );
}

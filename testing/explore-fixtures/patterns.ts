import type { SyntheticModel } from './seed-results';

/** Text stored as one model response to check that the pages and the report show it, never run it. */
export const XSS_RESPONSE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> I am not sure.';

/**
 * alpha: fails the easy probe of every third pair and the hard probe of every odd pair, so pairs 0, 6, … are jagged
 * (easy failed, hard passed). Its first easy answer is the XSS text.
 */
export const alpha: SyntheticModel = ({ pairIndex, familyIndex, tier }) => {
  const pass = tier === 'easy' ? pairIndex % 3 !== 0 : pairIndex % 2 === 0;
  if (!pass && tier === 'easy' && pairIndex === 0 && familyIndex === 0) return { outcome: 'fail', response: XSS_RESPONSE };
  return { outcome: pass ? 'pass' : 'fail' };
};

/**
 * beta: alpha, except that it passes everything in family 1 (a difference McNemar should find with 12 pairs) and the
 * easy probe alpha answered with the XSS text (one disagreement: within noise).
 */
export const beta: SyntheticModel = (probe) =>
  probe.familyIndex === 1 || (probe.familyIndex === 0 && probe.pairIndex === 0 && probe.tier === 'easy') ? { outcome: 'pass' } : alpha(probe);

/** gamma: alpha with family 2's hard outcomes flipped. */
export const gamma: SyntheticModel = (probe) => {
  const a = alpha(probe);
  if (probe.familyIndex !== 2 || probe.tier !== 'easy') return probe.familyIndex === 2 ? { outcome: a.outcome === 'pass' ? 'fail' : 'pass' } : a;
  return a;
};

/** A CTM-like model: alpha's outcomes, and ticks 10 + i on easy probes, 20 + i on hard ones. */
export const ctm: SyntheticModel = (probe) => ({ ...alpha(probe), ticks: (probe.tier === 'easy' ? 10 : 20) + probe.pairIndex });

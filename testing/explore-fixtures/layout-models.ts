import type { Locator } from 'playwright-core';
import type { SyntheticModel } from './seed-results';
import { syntheticSuite } from './synthetic-suite';

/**
 * The crowded dashboard of the layout browser test (app/layout.browser.test.ts): 28 families carrying core's real,
 * long names, and simulated models whose profiles have different shapes (so sparklines differ), one scoped to two
 * families, one that reports thinking ticks everywhere; and how to read a chart's x labels in Chromium.
 */
export const FAMILY_IDS = [
  'algorithmic.balanced-brackets', 'algorithmic.binary-to-decimal', 'algorithmic.letter-counting', 'algorithmic.parity',
  'algorithmic.reverse-words', 'algorithmic.stack-operations', 'algorithmic.turning-directions',
  'arithmetic.decimal-comparison', 'arithmetic.fractions', 'arithmetic.irrelevant-details', 'arithmetic.multiplication',
  'arithmetic.negative-numbers', 'arithmetic.order-of-operations', 'arithmetic.percentages',
  'commonsense.clock-durations', 'commonsense.containers', 'commonsense.family-relations', 'commonsense.siblings',
  'commonsense.weekdays', 'commonsense.weighs-more', 'commonsense.river-crossing',
  'olympiad.arrangements', 'olympiad.gcd-tiling', 'olympiad.inclusion-exclusion', 'olympiad.inequalities',
  'olympiad.modular-powers', 'olympiad.primes', 'olympiad.sum-of-digits',
];
/** Pairs per family: enough for a clear difference to survive Holm's correction over 28 families. */
export const PAIRS = 24;
/** The suite of 28 families with core's names, PAIRS pairs each. */
export const layoutSuite = () => syntheticSuite({ id: 'layout', families: FAMILY_IDS.length, pairsPerFamily: PAIRS, familyIds: FAMILY_IDS });

export const STEADY = 'Simulated consistent knower that guesses';
export const UNEVEN = 'Simulated independent tiers (80% / 50%)';
/** Passes half the easy probes and a quarter of the hard ones where uneven passes all; elsewhere 2/3 and 1/3–1/2. */
export const steady: SyntheticModel = ({ familyIndex, pairIndex, tier }) => {
  const share = familyIndex % 4 === 0 ? (tier === 'easy' ? 0.5 : 0.25) : tier === 'easy' ? 0.67 : 0.33 + 0.08 * (familyIndex % 3);
  return { outcome: pairIndex < share * PAIRS ? 'pass' : 'fail' };
};
/** Passes everything, climbs (hard above easy), drops steeply, or fails everything, by family: another shape. */
export const uneven: SyntheticModel = ({ familyIndex, pairIndex, tier }) => {
  const share = [[1, 1], [0.25, 0.75], [0.83, 0.08], [0, 0]][familyIndex % 4]![tier === 'easy' ? 0 : 1]!;
  return { outcome: pairIndex < share * PAIRS ? 'pass' : 'fail' };
};
/** A checkpoint that answers two families and refuses the rest: "not evaluated" everywhere else. */
export const SCOPED_FAMILIES = [3, 9];
export const scoped: SyntheticModel = ({ familyIndex, pairIndex, tier }) =>
  !SCOPED_FAMILIES.includes(familyIndex) ? { outcome: 'refusal' } : { outcome: tier === 'easy' || pairIndex < PAIRS / 2 ? 'pass' : 'fail' };

/** A CTM that reports ticks on every family: the thinking-time chart has a bar pair under each of the 28 labels. */
export const thinker: SyntheticModel = ({ familyIndex, pairIndex, tier }) => ({ outcome: pairIndex % 3 === 0 ? 'fail' : 'pass', ticks: (tier === 'easy' ? 6 : 12) + (familyIndex % 5) });

/** The text a chart shows of an SVG <text>, without its <title> (the tooltip). */
export async function chartLabels(chart: Locator): Promise<Array<{ text: string; title: string | null; left: number; right: number; top: number; bottom: number }>> {
  return chart.locator('.recharts-xAxis-tick-labels text').evaluateAll((nodes) =>
    nodes
      .map((t) => {
        const shown = (n: Node): string => (n.nodeName === 'title' ? '' : n.nodeType === 3 ? (n.textContent ?? '') : [...n.childNodes].map(shown).join(''));
        const r = t.getBoundingClientRect();
        return { text: shown(t).trim(), title: t.querySelector('title')?.textContent ?? null, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      })
      .filter((l) => l.text !== ''),
  );
}

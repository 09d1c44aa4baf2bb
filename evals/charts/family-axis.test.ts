import { describe, expect, it } from 'vitest';
import { estimateTextWidth, familyAxis, familyLabel, familyLabelLayout, isLabelled, shortLabel } from './family-axis';

const CORE_SKILLS = [
  'addition', 'balanced-brackets', 'binary-to-decimal', 'letter-counting', 'parity', 'reverse-words', 'stack-operations',
  'decimal-comparison', 'fractions', 'irrelevant-details', 'multiplication', 'negative-numbers', 'order-of-operations',
  'percentages', 'clock-durations', 'containers', 'family-relations', 'siblings', 'turning-directions', 'weekdays',
  'weighs-more', 'arrangements', 'gcd-tiling', 'inclusion-exclusion', 'inequalities', 'modular-powers', 'primes', 'river-crossing',
];

/** The horizontal interval each shown label covers once rotated (text of estimated width, one line high). */
function footprints(spacing: number, labels: readonly string[]) {
  const layout = familyLabelLayout(spacing, labels);
  const rad = (Math.abs(layout.angle) * Math.PI) / 180;
  return { layout, shown: labels.map((l, i) => ({ i, x: i * spacing, w: estimateTextWidth(shortLabel(l, layout.maxChars)) })).filter(({ i }) => isLabelled(i, layout)), rad };
}

describe('family labels', () => {
  it('shows the skill part of a family id, and shortens long labels with an ellipsis', () => {
    expect(familyLabel('arithmetic.fractions')).toBe('fractions');
    expect(familyLabel('plain')).toBe('plain');
    expect(shortLabel('inclusion-exclusion', 12)).toBe('inclusion-e…');
    expect(shortLabel('parity', 12)).toBe('parity');
  });

  it('slants every label on a wide chart (28 families on 1,100 px) and leaves room left of the first', () => {
    const layout = familyAxis({ plotWidth: 1100, freeLeft: 48, labels: ['balanced-brackets', ...CORE_SKILLS.slice(1)], pointsPerFamily: 2 });
    expect(layout.angle).toBe(-35);
    expect(layout.every).toBe(1);
    // "balanced-brackets" slanted at 35° reaches about 100 px left of its tick: more than the 48 px of the y axis.
    expect(layout.leftReach).toBeGreaterThan(48);
    expect(layout.extraLeft).toBe(layout.leftReach - 48);
  });

  it('turns labels vertical and thins them on a phone (28 families on 300 px), so neighbours never overlap', () => {
    const layout = familyAxis({ plotWidth: 300, freeLeft: 48, labels: CORE_SKILLS, pointsPerFamily: 2 });
    expect(layout.angle).toBe(-90);
    expect(layout.every).toBeGreaterThan(1);
    expect(layout.maxChars).toBeLessThan(20);
    expect(layout.extraLeft).toBe(0);
  });

  it('keeps shown labels at least one line apart perpendicular to their text, at every width', () => {
    for (let spacing = 2; spacing <= 80; spacing += 1.5) {
      const { layout, shown, rad } = footprints(spacing, CORE_SKILLS);
      for (let k = 1; k < shown.length; k++) {
        const gap = (shown[k]!.x - shown[k - 1]!.x) * Math.sin(rad);
        expect(gap, `spacing ${spacing}, angle ${layout.angle}`).toBeGreaterThanOrEqual(11 * 1.3 - 1e-9);
      }
    }
  });

  it('gives the axis enough height for the longest shown label', () => {
    const slanted = familyLabelLayout(40, CORE_SKILLS);
    const vertical = familyLabelLayout(8, CORE_SKILLS);
    expect(slanted.height).toBeGreaterThanOrEqual(Math.ceil(estimateTextWidth('inclusion-exclusion') * Math.sin((35 * Math.PI) / 180)));
    expect(vertical.height).toBeGreaterThanOrEqual(Math.ceil(estimateTextWidth(shortLabel('inclusion-exclusion', vertical.maxChars))));
  });

  it('lays out a bar chart (one band per family, ticks at band centres) with the same rules', () => {
    // 28 families on a phone's 326 px plot: bands 11.6 px wide, too close for slanted text, so vertical and thinned.
    const phone = familyAxis({ plotWidth: 326, freeLeft: 48, labels: CORE_SKILLS, scale: 'band' });
    expect(phone.angle).toBe(-90);
    expect(phone.every).toBe(Math.ceil((11 * 1.3) / (326 / 28)));
    expect(phone.extraLeft).toBe(0);
    // 28 families on 1,216 px: slanted; "addition" reaches left of its tick less than the y axis plus half a band.
    const wide = familyAxis({ plotWidth: 1216, freeLeft: 48, labels: CORE_SKILLS, scale: 'band' });
    expect(wide.angle).toBe(-35);
    expect(wide.every).toBe(1);
    expect(wide.extraLeft).toBe(0);
    // A long first label over a few bands: whatever the width, the room the chart adds, the y axis and the half band
    // in front of the first tick together hold the first label.
    const labels = ['balanced-brackets', 'parity', 'primes'];
    let added = 0;
    for (let plotWidth = 60; plotWidth <= 900; plotWidth += 7) {
      const layout = familyAxis({ plotWidth, freeLeft: 10, labels, scale: 'band' });
      const halfBand = (plotWidth - layout.extraLeft) / labels.length / 2;
      expect(layout.extraLeft + 10 + halfBand, `plot ${plotWidth} px`).toBeGreaterThanOrEqual(layout.leftReach);
      if (layout.extraLeft > 0) added++;
    }
    expect(added).toBeGreaterThan(0);
  });

  it('spaces bands by plot width over families, points by plot width over points minus one', () => {
    const labels = ['a', 'b', 'c', 'd'];
    // Spacing 30 px: slanted (30·sin 35° ≥ 14.3). Band: 120 / 4 = 30. Point with 2 per family: 2·120 / 7 ≈ 34.
    expect(familyAxis({ plotWidth: 120, freeLeft: 48, labels, scale: 'band' }).angle).toBe(-35);
    // Spacing 24 px is too close for a slant (24·sin 35° = 13.8 < 14.3): band turns vertical, the point scale not.
    expect(familyAxis({ plotWidth: 96, freeLeft: 48, labels, scale: 'band' }).angle).toBe(-90);
    expect(familyAxis({ plotWidth: 96, freeLeft: 48, labels, pointsPerFamily: 2 }).angle).toBe(-35);
  });
});

import { defineFamily, NUMERIC } from '../define-family';
import { MINUS, signed } from '../format';
import type { Rng } from '../random';

/** p·x + q written as a prompt shows it: "3x + 2", "3x − 4", "x + 5". */
function linear(p: number, q: number): string {
  const px = p === 1 ? 'x' : `${p}x`;
  if (q === 0) return px;
  return q > 0 ? `${px} + ${q}` : `${px} ${MINUS} ${-q}`;
}

/** q − p·x, the form that needs the inequality flipped when dividing by −p. */
function reversedLinear(p: number, q: number): string {
  return `${signed(q)} ${MINUS} ${p === 1 ? 'x' : `${p}x`}`;
}

const symbol = (strict: boolean) => (strict ? '<' : '\u2264');

/** Largest integer x with p·x + q < r (or ≤ r). */
function largestBelow(p: number, q: number, r: number, strict: boolean): number {
  const bound = (r - q) / p;
  return strict ? Math.ceil(bound) - 1 : Math.floor(bound);
}

/** Smallest integer x with s − t·x < u (or ≤ u), i.e. x > (s − u) / t. */
function smallestAbove(t: number, s: number, u: number, strict: boolean): number {
  const bound = (s - u) / t;
  return strict ? Math.floor(bound) + 1 : Math.ceil(bound);
}

function upperConstraint(rng: Rng) {
  const p = rng.int(2, 9);
  const q = rng.int(-20, 20);
  const r = rng.int(q + 2 * p, q + 15 * p);
  const strict = rng.chance(0.5);
  return { p, q, r, strict, largest: largestBelow(p, q, r, strict) };
}

export const inequalities = defineFamily({
  id: 'olympiad.inequalities',
  domain: 'olympiad',
  title: 'Linear inequalities',
  description:
    'The largest integer satisfying one linear inequality (easy); how many integers satisfy it together with a second inequality whose sign flips (hard).',
  pairRule:
    'The hard system contains the easy inequality, whose largest solution is the upper end of the integers being counted.',
  generate(rng) {
    const upper = upperConstraint(rng);
    const easyText = `${linear(upper.p, upper.q)} ${symbol(upper.strict)} ${signed(upper.r)}`;
    for (;;) {
      const t = rng.int(2, 7);
      const s = rng.int(-10, 30);
      const u = rng.int(-10, 40);
      const strict = rng.chance(0.5);
      const smallest = smallestAbove(t, s, u, strict);
      const count = upper.largest - smallest + 1;
      if (count < 3 || count > 25) continue;
      return {
        easy: {
          prompt: `What is the largest integer x such that ${easyText}? Answer with a number.`,
          answer: String(upper.largest),
          grader: NUMERIC,
        },
        hard: {
          prompt: `How many integers x satisfy both ${easyText} and ${reversedLinear(t, s)} ${symbol(strict)} ${signed(u)}? Answer with a number.`,
          answer: String(count),
          grader: NUMERIC,
        },
      };
    }
  },
});

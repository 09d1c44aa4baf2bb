import { defineFamily, NUMERIC } from '../define-family';
import { gcd } from '../format';

export const gcdTiling = defineFamily({
  id: 'olympiad.gcd-tiling',
  domain: 'olympiad',
  title: 'Greatest common divisor',
  description:
    'The greatest common divisor of two numbers (easy); the fewest equal squares that tile a rectangle of those sides (hard).',
  pairRule:
    'The largest square that tiles the rectangle has side gcd(a, b), the easy answer, and the count of squares is (a / gcd) × (b / gcd).',
  generate(rng) {
    for (;;) {
      const g = rng.int(3, 24);
      const x = rng.int(2, 12);
      const y = rng.int(2, 12);
      if (x === y || gcd(x, y) !== 1) continue;
      const a = g * x;
      const b = g * y;
      if (a > 300 || b > 300) continue;
      return {
        easy: {
          prompt: `What is the greatest common divisor of ${a} and ${b}? Answer with a number.`,
          answer: String(g),
          grader: NUMERIC,
        },
        hard: {
          prompt: `A rectangular floor is ${a} cm by ${b} cm. It is covered exactly, without cutting or overlapping, by equal square tiles whose side is a whole number of centimetres. What is the smallest possible number of tiles? Answer with a number.`,
          answer: String(x * y),
          grader: NUMERIC,
        },
      };
    }
  },
});

import { defineFamily, NUMERIC, YES_NO } from '../define-family';
import type { Rng } from '../random';

export function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/**
 * Odd composites with no factor below 7 (91 = 7 × 13, 221 = 13 × 17): they pass the quick checks for 2, 3 and 5
 * and look prime, which is what makes the easy question a test of actually trying divisors.
 */
function primeLookingComposite(rng: Rng): number {
  for (;;) {
    const n = rng.int(49, 999);
    if (!isPrime(n) && n % 2 !== 0 && n % 3 !== 0 && n % 5 !== 0) return n;
  }
}

function randomPrime(rng: Rng): number {
  for (;;) {
    const n = rng.int(50, 999);
    if (isPrime(n)) return n;
  }
}

export const primes = defineFamily({
  id: 'olympiad.primes',
  domain: 'olympiad',
  title: 'Primes and divisibility',
  description: 'Decide whether one number is prime (easy); count the primes in a range of about thirty numbers around it (hard).',
  pairRule:
    'The hard range contains the easy number, so counting its primes includes deciding whether the easy number is prime.',
  generate(rng, index) {
    const n = index % 2 === 0 ? primeLookingComposite(rng) : randomPrime(rng);
    const low = n - rng.int(5, 20);
    const high = n + rng.int(5, 20);
    let count = 0;
    for (let k = low; k <= high; k++) if (isPrime(k)) count++;
    return {
      easy: { prompt: `Is ${n} a prime number? Answer yes or no.`, answer: isPrime(n) ? 'yes' : 'no', grader: YES_NO },
      hard: {
        prompt: `How many prime numbers are there from ${low} to ${high}, both included? Answer with a number.`,
        answer: String(count),
        grader: NUMERIC,
      },
    };
  },
});

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
    if (looksPrimeButIsNot(n)) return n;
  }
}

function randomPrime(rng: Rng): number {
  for (;;) {
    const n = rng.int(50, 999);
    if (isPrime(n)) return n;
  }
}

const primePrompt = (n: number) => `Is ${n} a prime number? Answer yes or no.`;

/** The closest number to n (above first, then below) that is prime if n is not, or a prime-looking composite if n is. */
function nearestOtherKind(n: number): number {
  const wanted = (k: number) => (isPrime(n) ? looksPrimeButIsNot(k) : isPrime(k));
  for (let d = 1; ; d++) {
    if (wanted(n + d)) return n + d;
    if (n - d > 1 && wanted(n - d)) return n - d;
  }
}

function looksPrimeButIsNot(n: number): boolean {
  return !isPrime(n) && n % 2 !== 0 && n % 3 !== 0 && n % 5 !== 0;
}

export const primes = defineFamily({
  id: 'olympiad.primes',
  domain: 'olympiad',
  title: 'Primes and divisibility',
  description: 'Decide whether one number is prime (easy, with a twin of the other kind next to it); count the primes in a range of about thirty numbers around it (hard).',
  reportedFailure: {
    source: 'Chen, Zaharia & Zou 2023, "How is ChatGPT\'s behavior changing over time?" (arXiv:2307.09009); widely shared "is 91 prime?" transcripts',
    note: 'Asked whether a number is prime, GPT-4 and GPT-3.5 answered wrongly at rates that swung between versions; composites with no small factor (91 = 7 × 13) are called prime.',
  },
  pairRule:
    'The hard range contains the easy number, so counting its primes includes deciding whether the easy number is prime.',
  generate(rng, index) {
    const n = index % 2 === 0 ? primeLookingComposite(rng) : randomPrime(rng);
    const low = n - rng.int(5, 20);
    const high = n + rng.int(5, 20);
    let count = 0;
    for (let k = low; k <= high; k++) if (isPrime(k)) count++;
    // The twin asks about the nearest number of the other kind: a prime for a prime-looking composite, a
    // prime-looking composite for a prime (both exist within a few dozen of any n in range).
    const twin = nearestOtherKind(n);
    return {
      easy: { prompt: primePrompt(n), answer: isPrime(n) ? 'yes' : 'no', grader: YES_NO },
      easyTwin: { prompt: primePrompt(twin), answer: isPrime(twin) ? 'yes' : 'no', grader: YES_NO },
      hard: {
        prompt: `How many prime numbers are there from ${low} to ${high}, both included? Answer with a number.`,
        answer: String(count),
        grader: NUMERIC,
      },
    };
  },
});

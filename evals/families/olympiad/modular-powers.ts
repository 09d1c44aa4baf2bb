import { defineFamily, NUMERIC } from '../define-family';
import { gcd } from '../format';

/** a^e mod m by square-and-multiply on BigInt, so 2^2025 is no trouble. */
export function powMod(base: number, exponent: number, modulus: number): number {
  let result = 1n;
  let b = BigInt(base) % BigInt(modulus);
  let e = BigInt(exponent);
  const m = BigInt(modulus);
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return Number(result % m);
}

/** The multiplicative order of a modulo m (gcd(a, m) = 1): the length of the cycle of its powers. */
function order(a: number, m: number): number {
  let value = a % m;
  for (let k = 1; k <= m; k++) {
    if (value === 1) return k;
    value = (value * a) % m;
  }
  throw new Error(`${a} has no order modulo ${m}`);
}

const prompt = (a: number, e: number, m: number) =>
  `What is the remainder when ${a}^${e} is divided by ${m}? Answer with a number.`;

export const modularPowers = defineFamily({
  id: 'olympiad.modular-powers',
  domain: 'olympiad',
  title: 'Remainders of powers',
  description: 'The remainder of a power: small enough to compute directly (easy); an exponent in the hundreds or thousands (hard).',
  pairRule:
    'The powers of the base repeat modulo m, and the hard exponent is the easy exponent plus whole cycles, so the hard remainder reduces to the easy one.',
  generate(rng) {
    for (;;) {
      const m = rng.int(5, 19);
      const a = rng.int(2, 12);
      if (a % m === 0 || gcd(a, m) !== 1) continue;
      const cycle = order(a, m);
      if (cycle < 3) continue; // a cycle of 1 or 2 makes the hard question a parity check
      const e = rng.int(3, 5);
      if (a ** e < m) continue; // the remainder must take a division, not be the power itself
      const hardE = e + cycle * rng.int(Math.ceil(100 / cycle), Math.floor(3000 / cycle));
      return {
        easy: { prompt: prompt(a, e, m), answer: String(powMod(a, e, m)), grader: NUMERIC },
        hard: { prompt: prompt(a, hardE, m), answer: String(powMod(a, hardE, m)), grader: NUMERIC },
      };
    }
  },
});

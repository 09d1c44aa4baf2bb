import { Fraction, type FractionInput } from 'fraction.js';

export type { Fraction };

/**
 * Exact rationals with bigint parts, from fraction.js — the library mathjs itself uses for fractions — so that
 * reading a number does not load all of mathjs (≈85 MB and seconds of start-up; only the symbolic grader needs it).
 */
export function fraction(value: FractionInput): Fraction;
export function fraction(numerator: number | bigint, denominator: number | bigint): Fraction;
export function fraction(a: FractionInput, b?: number | bigint): Fraction {
  return b === undefined ? new Fraction(a) : new Fraction(a as number | bigint, b);
}

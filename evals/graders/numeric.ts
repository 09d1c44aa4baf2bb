import { fraction, type Fraction } from '../extract/fraction';
import type { Grade, GraderSpec } from '../contracts';
import { parseWholeNumber, readFinalAnswer, type NumberToken } from '../extract';
import { readNumber } from '../extract/read-number';
import { failed, passed, quote } from './verdict';

type NumericSpec = Extract<GraderSpec, { kind: 'numeric' }>;

const DEFAULT_REL_TOL = 1e-6;

/**
 * Numbers in any common notation (see extract/numbers.ts). Tolerance: integers exact; decimals within `relTol`
 * (default 1e-6, relative); a fraction exact, or as a decimal rounded or cut to at least three significant digits
 * (1/3 ↔ 0.333, 0.3333).
 *
 * Percentages: "75%" is 75 per cent. When the expected answer is "75%", the response may say 75% or 75 (or 0.75,
 * the same share as a plain fraction). When the expected answer is 0.75, 3/4 and 75% pass too. When the expected
 * answer is a plain number above 1 (e.g. 75), "75%" passes, because such an answer cannot be a share of one: the
 * question asked for a percentage.
 */
export function gradeNumeric(response: string, answer: string, spec: NumericSpec): Grade {
  const expected = parseWholeNumber(answer);
  const read = readFinalAnswer(response, readNumber);
  if (!expected) {
    return failed(read.ok ? read.display : null, `expected answer ${quote(answer)} is not a number (fix the probe's answer or grader)`);
  }
  if (!read.ok) return read.grade;
  const got = read.value;
  const label = read.candidate.label;
  if (matches(expected, got, spec.relTol)) {
    const shown = got.display === expected.display ? '' : `, read ${got.display}`;
    return passed(got.display, `matched ${expected.display} (${label}${shown})`);
  }
  return failed(got.display, `expected ${expected.display}, got ${got.display} (${label})`);
}

const HUNDRED = fraction(100n, 1n);

function matches(expected: NumberToken, got: NumberToken, relTol: number | undefined): boolean {
  const e = expected.value;
  const g = got.value;
  const same = (value: Fraction, target: Fraction, targetToken: NumberToken) => close(value, got, target, targetToken, relTol);
  if (expected.percent) return same(g, e, expected) || (!got.percent && same(g.mul(HUNDRED), e, expected));
  if (got.percent) return same(g.div(HUNDRED), e, expected) || (e.abs().compare(1) > 0 && same(g, e, expected));
  return same(g, e, expected);
}

function isInteger(value: Fraction): boolean {
  return value.d === 1n;
}

function terminates(value: Fraction): boolean {
  let d = value.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

function close(value: Fraction, got: NumberToken, target: Fraction, expected: NumberToken, relTol: number | undefined): boolean {
  if (value.equals(target)) return true;
  if (isInteger(target) && expected.form !== 'decimal' && expected.form !== 'scientific') return false;
  if (!terminates(target) && roundsTo(target, value, got)) return true;
  if (!terminates(value) && roundsTo(value, target, expected)) return true;
  if (expected.form === 'fraction' || expected.form === 'mixed') return false;
  const tolerance = relTol ?? DEFAULT_REL_TOL;
  const diff = value.sub(target).abs().valueOf();
  return diff <= tolerance * Math.abs(target.valueOf());
}

/** `decimal` is `exact` rounded or truncated to the decimal's places, with at least three significant digits. */
function roundsTo(exact: Fraction, decimal: Fraction, written: NumberToken): boolean {
  if (written.form !== 'decimal' || written.decimals < 2) return false;
  const significant = decimal.abs().mul(fraction(10n ** BigInt(written.decimals), 1n));
  if (significant.compare(100) < 0) return false;
  const places = written.decimals;
  const truncated = exact.compare(0) >= 0 ? exact.floor(places) : exact.ceil(places);
  return exact.round(places).equals(decimal) || truncated.equals(decimal);
}

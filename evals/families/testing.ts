import type { Pair } from '../contracts';
import type { FamilyGenerator } from './define-family';
import { generatePairs } from './generate-pairs';

/**
 * Test helpers shared by the family tests: many pairs from several seeds, so that each verifier sees every branch
 * of a generator (a family with four story variants gets each of them dozens of times).
 */
export function samplePairs(family: FamilyGenerator, seeds: readonly number[] = [1, 2, 3], count = 60): Pair[] {
  return seeds.flatMap((seed) => generatePairs(family, seed, count));
}

/** The one capture group of `pattern` in `text`, or a failing assertion that shows the text. */
export function capture(pattern: RegExp, text: string): string[] {
  const match = pattern.exec(text);
  if (!match) throw new Error(`prompt does not match ${pattern}:\n${text}`);
  return match.slice(1).map((group) => group ?? '');
}

/** Prompts use − and ×; mathjs wants - and *. */
export function asciiMath(expression: string): string {
  return expression.replace(/\u2212/g, '-').replace(/\u00d7/g, '*').replace(/\u00f7/g, '/');
}

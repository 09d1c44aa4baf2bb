import { addition } from './algorithmic/addition';
import { balancedBrackets } from './algorithmic/balanced-brackets';
import { binaryToDecimal } from './algorithmic/binary-to-decimal';
import { letterCounting } from './algorithmic/letter-counting';
import { parity } from './algorithmic/parity';
import { reverseWords } from './algorithmic/reverse-words';
import { stackOperations } from './algorithmic/stack-operations';
import { decimalComparison } from './arithmetic/decimal-comparison';
import { fractions } from './arithmetic/fractions';
import { multiplication } from './arithmetic/multiplication';
import { negativeNumbers } from './arithmetic/negative-numbers';
import { orderOfOperations } from './arithmetic/order-of-operations';
import { irrelevantDetails } from './arithmetic/irrelevant-details';
import { percentages } from './arithmetic/percentages';
import { clockDurations } from './commonsense/clock-durations';
import { containers } from './commonsense/containers';
import { familyRelations } from './commonsense/family-relations';
import { siblings } from './commonsense/siblings';
import { turningDirections } from './commonsense/turning-directions';
import { weekdays } from './commonsense/weekdays';
import { weighsMore } from './commonsense/weighs-more';
import type { FamilyGenerator } from './define-family';
import { arrangements } from './olympiad/arrangements';
import { gcdTiling } from './olympiad/gcd-tiling';
import { inclusionExclusion } from './olympiad/inclusion-exclusion';
import { inequalities } from './olympiad/inequalities';
import { modularPowers } from './olympiad/modular-powers';
import { primes } from './olympiad/primes';
import { riverCrossing } from './olympiad/river-crossing';

export { defineFamily, type Draft, type DraftPair, type FamilyGenerator } from './define-family';
export { generatePairs } from './generate-pairs';
export { buildPair, pairKey } from './build-pair';
export { Rng, deriveSeed } from './random';

/**
 * Every built-in generated family. Hand-written families are data files (e.g. commonsense/everyday-physics.yaml)
 * and reach a suite through an `items:` entry instead. Add a generator: write its file, then list it here.
 */
export const FAMILY_GENERATORS: readonly FamilyGenerator[] = [
  orderOfOperations,
  decimalComparison,
  multiplication,
  fractions,
  percentages,
  irrelevantDetails,
  negativeNumbers,
  siblings,
  weekdays,
  clockDurations,
  turningDirections,
  containers,
  familyRelations,
  weighsMore,
  modularPowers,
  arrangements,
  primes,
  riverCrossing,
  inclusionExclusion,
  inequalities,
  gcdTiling,
  parity,
  addition,
  reverseWords,
  letterCounting,
  balancedBrackets,
  binaryToDecimal,
  stackOperations,
];

export function findFamilyGenerator(id: string): FamilyGenerator | undefined {
  return FAMILY_GENERATORS.find((family) => family.id === id);
}

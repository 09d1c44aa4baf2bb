import { defineFamily, NUMERIC } from '../define-family';
import { binaryPrompt } from './templates';

const EASY_BITS = 8;
const HARD_BITS = 16;

export const binaryToDecimal = defineFamily({
  id: 'algorithmic.binary-to-decimal',
  domain: 'algorithmic',
  title: 'Binary to decimal',
  description: 'Read a binary numeral as a decimal number: 8 bits (easy), 16 bits (hard).',
  pairRule:
    'The hard binary numeral ends with the easy numeral, so its value is the easy value plus 256 times the value of its leading bits.',
  generate(rng) {
    // Both numerals start with 1: a leading zero would make "8 bits" really 7.
    const easyValue = rng.int(2 ** (EASY_BITS - 1), 2 ** EASY_BITS - 1);
    const highValue = rng.int(2 ** (HARD_BITS - EASY_BITS - 1), 2 ** (HARD_BITS - EASY_BITS) - 1);
    const easyBits = easyValue.toString(2);
    const hardBits = highValue.toString(2) + easyBits;
    return {
      easy: { prompt: binaryPrompt(easyBits), answer: String(easyValue), grader: NUMERIC },
      hard: { prompt: binaryPrompt(hardBits), answer: String(highValue * 2 ** EASY_BITS + easyValue), grader: NUMERIC },
    };
  },
});

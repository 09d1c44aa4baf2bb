import { defineFamily, NUMERIC } from '../define-family';
import type { Rng } from '../random';
import { parityOf, parityPrompt } from './templates';

const EASY_BITS = 8;
const HARD_BITS = 16;

/**
 * Random bits with a chosen parity and at least two 1s and two 0s, so no string is all zeros or all ones (a model
 * could answer those without counting). Flipping one random bit fixes a wrong parity without biasing positions.
 */
function bitsWithParity(rng: Rng, length: number, parity: '0' | '1'): string {
  for (;;) {
    const bits = Array.from({ length }, () => (rng.chance(0.5) ? '1' : '0'));
    if (parityOf(bits.join('')) !== parity) {
      const flip = rng.int(0, length - 1);
      bits[flip] = bits[flip] === '1' ? '0' : '1';
    }
    const ones = bits.filter((bit) => bit === '1').length;
    if (ones >= 2 && length - ones >= 2) return bits.join('');
  }
}

/** The bits with one random position flipped (strings from `bitsWithParity` keep at least one 0 and one 1). */
function flipOneBit(rng: Rng, bits: string): string {
  const at = rng.int(0, bits.length - 1);
  return bits.slice(0, at) + (bits[at] === '1' ? '0' : '1') + bits.slice(at + 1);
}

export const parity = defineFamily({
  id: 'algorithmic.parity',
  domain: 'algorithmic',
  title: 'Parity of a bit string',
  description:
    'Whether a string of 0s and 1s holds an odd number of 1s: 8 bits (easy) and 16 bits (hard), each with a twin one bit apart whose parity is the other one. The prompt template is fixed: the local checkpoints parse it.',
  // No reportedFailure: the reports on parity (Anil et al. 2022; Hahn 2020) concern strings longer than those seen in
  // training, not 8 bits, and the prompt is fixed by the local checkpoints, so the easy probe cannot be made to fit.
  pairRule:
    'The hard 16-bit string starts with the easy 8-bit string, so its parity is the easy answer combined with the parity of the 8 bits after it.',
  generate(rng, index) {
    // Easy answers alternate 0,1,0,1…; hard answers 0,0,1,1…: over four pairs every (easy, hard) combination occurs.
    const easyParity = index % 2 === 0 ? '0' : '1';
    const hardParity = Math.floor(index / 2) % 2 === 0 ? '0' : '1';
    const easyBits = bitsWithParity(rng, EASY_BITS, easyParity);
    const tailParity = easyParity === hardParity ? '0' : '1';
    const tail = bitsWithParity(rng, HARD_BITS - EASY_BITS, tailParity);
    const hardBits = easyBits + tail;
    // Twins flip one bit, which flips the parity: of the easy string anywhere, of the hard string in its tail (so the
    // hard twin still starts with the easy string).
    const easyTwinBits = flipOneBit(rng, easyBits);
    const hardTwinBits = easyBits + flipOneBit(rng, tail);
    const other = (bit: '0' | '1') => (bit === '0' ? '1' : '0');
    return {
      easy: { prompt: parityPrompt(easyBits), answer: easyParity, grader: NUMERIC, chance: 0.5 },
      easyTwin: { prompt: parityPrompt(easyTwinBits), answer: other(easyParity), grader: NUMERIC, chance: 0.5 },
      hard: { prompt: parityPrompt(hardBits), answer: hardParity, grader: NUMERIC, chance: 0.5 },
      hardTwin: { prompt: parityPrompt(hardTwinBits), answer: other(hardParity), grader: NUMERIC, chance: 0.5 },
    };
  },
});

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

export const parity = defineFamily({
  id: 'algorithmic.parity',
  domain: 'algorithmic',
  title: 'Parity of a bit string',
  description:
    'Whether a string of 0s and 1s holds an odd number of 1s: 8 bits (easy) and 16 bits (hard). The prompt template is fixed: the local checkpoints parse it.',
  pairRule:
    'The hard 16-bit string starts with the easy 8-bit string, so its parity is the easy answer combined with the parity of the 8 bits after it.',
  generate(rng, index) {
    // Easy answers alternate 0,1,0,1…; hard answers 0,0,1,1…: over four pairs every (easy, hard) combination occurs.
    const easyParity = index % 2 === 0 ? '0' : '1';
    const hardParity = Math.floor(index / 2) % 2 === 0 ? '0' : '1';
    const easyBits = bitsWithParity(rng, EASY_BITS, easyParity);
    const tailParity = easyParity === hardParity ? '0' : '1';
    const hardBits = easyBits + bitsWithParity(rng, HARD_BITS - EASY_BITS, tailParity);
    return {
      easy: { prompt: parityPrompt(easyBits), answer: easyParity, grader: NUMERIC },
      hard: { prompt: parityPrompt(hardBits), answer: hardParity, grader: NUMERIC },
    };
  },
});

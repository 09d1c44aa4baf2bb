import { defineFamily, NUMERIC } from '../define-family';
import { additionPrompt } from './templates';

export const addition = defineFamily({
  id: 'algorithmic.addition',
  domain: 'algorithmic',
  title: 'Multi-digit addition',
  description:
    'Column addition: two 2-digit numbers (easy), two 5-digit numbers (hard). The prompt template is fixed: the local checkpoints parse it.',
  pairRule:
    'The hard operands end in the easy operands, so the last two digits of the hard sum and the carry out of them are the easy sum.',
  generate(rng, index) {
    // Half the easy sums carry into the hundreds (e.g. 67 + 58), so the hard sum's carry is exercised too.
    const wantCarry = index % 2 === 1;
    let a: number;
    let b: number;
    do {
      a = rng.int(10, 99);
      b = rng.int(10, 99);
    } while (a + b >= 100 !== wantCarry);
    const hardA = rng.int(100, 999) * 100 + a;
    const hardB = rng.int(100, 999) * 100 + b;
    return {
      easy: { prompt: additionPrompt(a, b), answer: String(a + b), grader: NUMERIC },
      hard: { prompt: additionPrompt(hardA, hardB), answer: String(hardA + hardB), grader: NUMERIC },
    };
  },
});

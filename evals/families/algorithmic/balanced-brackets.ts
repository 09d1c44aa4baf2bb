import { defineFamily, YES_NO } from '../define-family';
import type { Rng } from '../random';

const EASY_LENGTH = 8;
const HARD_LENGTH = 24;
const PAIRS: Record<string, string> = { ')': '(', ']': '[' };

/** The usual stack check: every closer must match the most recent unmatched opener, and none may remain. */
export function isBalanced(text: string): boolean {
  const stack: string[] = [];
  for (const c of text) {
    const opener = PAIRS[c];
    if (opener === undefined) stack.push(c);
    else if (stack.pop() !== opener) return false;
  }
  return stack.length === 0;
}

/** A random balanced string of two bracket kinds, built by random opens and closes. */
function randomBalanced(rng: Rng, length: number): string {
  let text = '';
  const open: string[] = [];
  while (text.length < length) {
    const remaining = length - text.length;
    const mustClose = open.length === remaining;
    if (open.length > 0 && (mustClose || rng.chance(0.45))) {
      text += open.pop() === '(' ? ')' : ']';
    } else {
      const opener = rng.pick(['(', '[']);
      open.push(opener);
      text += opener;
    }
  }
  return text;
}

/**
 * An unbalanced string with the same number of each bracket as a balanced one, made by swapping two characters:
 * counting brackets is then not enough, the order has to be checked.
 */
function randomUnbalanced(rng: Rng, length: number): string {
  for (;;) {
    const chars = [...randomBalanced(rng, length)];
    const i = rng.int(0, length - 1);
    const j = rng.int(0, length - 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    const text = chars.join('');
    if (!isBalanced(text)) return text;
  }
}

function bracketPrompt(text: string): string {
  return `Is the bracket sequence ${text} balanced, that is, is every bracket closed by a bracket of the same kind in the right order? Answer yes or no.`;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export const balancedBrackets = defineFamily({
  id: 'algorithmic.balanced-brackets',
  domain: 'algorithmic',
  title: 'Balanced brackets',
  description: 'Decide whether a sequence of ( ) [ ] brackets is balanced: 8 brackets (easy), 24 brackets (hard).',
  pairRule:
    'The easy sequence is a contiguous piece of the hard sequence, so checking the hard one matches the brackets of the easy piece as part of the work.',
  generate(rng, index) {
    // Over four pairs every combination of (easy balanced?, hard balanced?) occurs once.
    const easyTarget = index % 2 === 0;
    const hardTarget = Math.floor(index / 2) % 2 === 0;
    for (;;) {
      const hard = hardTarget ? randomBalanced(rng, HARD_LENGTH) : randomUnbalanced(rng, HARD_LENGTH);
      const start = rng.int(0, HARD_LENGTH - EASY_LENGTH);
      const easy = hard.slice(start, start + EASY_LENGTH);
      if (isBalanced(easy) === easyTarget) {
        return {
          easy: { prompt: bracketPrompt(easy), answer: yesNo(easyTarget), grader: YES_NO },
          hard: { prompt: bracketPrompt(hard), answer: yesNo(hardTarget), grader: YES_NO },
        };
      }
    }
  },
});

import { defineFamily, NUMERIC, YES_NO, type Draft } from '../define-family';
import type { Rng } from '../random';

const EASY_LENGTH = 9;
const HARD_LENGTH = 24;
const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const OPENERS = Object.keys(CLOSER);
const OPENER_OF: Record<string, string> = Object.fromEntries(OPENERS.map((o) => [CLOSER[o]!, o]));

/** The usual stack check: every closer must match the most recent unmatched opener, and none may remain. */
export function isBalanced(text: string): boolean {
  const stack: string[] = [];
  for (const c of text) {
    const opener = OPENER_OF[c];
    if (opener === undefined) stack.push(c);
    else if (stack.pop() !== opener) return false;
  }
  return stack.length === 0;
}

/**
 * `length` random brackets read after the still-open brackets `open`, never closing more than is open and ending
 * with `depth` brackets open. Opens and closes are drawn at random, then forced as the end approaches.
 */
function randomContinuation(rng: Rng, length: number, depth: number, open: readonly string[] = []): string {
  let text = '';
  const stack = [...open];
  while (text.length < length) {
    const remaining = length - text.length;
    const mustClose = stack.length - depth === remaining;
    const mustOpen = depth - stack.length === remaining;
    if (!mustOpen && stack.length > 0 && (mustClose || rng.chance(0.45))) {
      text += CLOSER[stack.pop()!];
    } else {
      const opener = rng.pick(OPENERS);
      stack.push(opener);
      text += opener;
    }
  }
  return text;
}

/** The brackets still open at the end of a prefix (innermost last). */
function openStack(text: string): string[] {
  const stack: string[] = [];
  for (const c of text) {
    if (OPENER_OF[c] === undefined) stack.push(c);
    else stack.pop();
  }
  return stack;
}

/**
 * The hard sequence unbalanced by swapping two closers of different kinds after the easy part: the numbers of each
 * kind stay equal, so counting is not enough, the order has to be checked.
 */
function swapClosers(rng: Rng, text: string, from: number): string | undefined {
  const closers = [...text].flatMap((c, i) => (i >= from && OPENER_OF[c] !== undefined ? [i] : []));
  for (let attempt = 0; attempt < 20; attempt++) {
    const [i, j] = rng.sample(closers, 2) as [number, number];
    if (text[i] === text[j]) continue;
    const chars = [...text];
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    const swapped = chars.join('');
    if (!isBalanced(swapped)) return swapped;
  }
  return undefined;
}

const spaced = (text: string) => [...text].join(' ');

function balancedDraft(text: string): Draft {
  return {
    prompt: `Is the bracket sequence ${spaced(text)} balanced, that is, is every bracket closed by a bracket of the same kind in the right order? Answer yes or no.`,
    answer: isBalanced(text) ? 'yes' : 'no',
    grader: YES_NO,
  };
}

export const balancedBrackets = defineFamily({
  id: 'algorithmic.balanced-brackets',
  domain: 'algorithmic',
  title: 'Balanced brackets',
  description:
    'Count the brackets still open after reading a short sequence of ( ) [ ] { } (easy); decide whether a 24-bracket sequence that starts with it is balanced, with a twin that differs by two swapped closers (hard).',
  reportedFailure: {
    source: 'Suzgun et al. 2022, "Challenging BIG-Bench Tasks and Whether Chain-of-Thought Can Solve Them" (arXiv:2210.09261), the Dyck-languages task',
    note: 'Closing a sequence of mixed brackets is among the tasks where strong models stay far below people, even with chain of thought.',
  },
  pairRule:
    'The hard sequence starts with the easy one, so the brackets left open after it (the easy count) are the stack from which checking the rest continues; the rest must close each of them.',
  generate(rng, index) {
    const depth = rng.int(2, 4);
    const easy = randomContinuation(rng, EASY_LENGTH - ((EASY_LENGTH - depth) % 2), depth);
    // The rest closes everything the easy part left open, with a little nesting of its own on the way.
    const rest = randomContinuation(rng, HARD_LENGTH - easy.length, 0, openStack(easy));
    const balanced = easy + rest;
    const unbalanced = swapClosers(rng, balanced, easy.length) ?? `${easy}${rest.slice(0, -1)}${rest.at(-1) === ')' ? ']' : ')'}`;
    // Hard answers alternate by pair; the twin always has the other one.
    const [hard, hardTwin] = index % 2 === 0 ? [balanced, unbalanced] : [unbalanced, balanced];
    return {
      easy: {
        prompt: `Read the bracket sequence ${spaced(easy)} from left to right. How many brackets are still open (not yet closed) at its end? Answer with a number.`,
        answer: String(openStack(easy).length),
        grader: NUMERIC,
      },
      hard: balancedDraft(hard),
      hardTwin: balancedDraft(hardTwin),
    };
  },
});

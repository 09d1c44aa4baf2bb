import { defineFamily, NUMERIC } from '../define-family';
import type { Rng } from '../random';

/** Everyday words with repeated letters: the classic place where a tokenising model miscounts. */
const WORDS = [
  'strawberry', 'raspberry', 'cranberry', 'blueberry', 'banana', 'mississippi', 'committee', 'bookkeeper',
  'occurrence', 'possession', 'assessment', 'balloon', 'coffee', 'parallel', 'necessary', 'millennium', 'tomorrow',
  'cinnamon', 'cappuccino', 'hippopotamus', 'tennessee', 'embarrass', 'accommodate', 'address', 'success',
  'pepper', 'letter', 'giraffe', 'bubble', 'referee', 'engineer', 'kangaroo', 'cucumber', 'pineapple',
  'grasshopper', 'caterpillar', 'broccoli', 'spaghetti', 'umbrella', 'attention', 'barrier', 'mirror', 'carrot',
  'terrier', 'error', 'reservoir', 'refrigerator', 'alphabet', 'avocado', 'papaya', 'cabbage', 'marmalade',
  'pizzazz', 'puzzle', 'dazzle', 'assassin', 'sassafras', 'seesaw', 'teetotal', 'settee', 'toothpaste', 'tattoo',
  'lollipop', 'llama', 'illegal', 'volleyball', 'nonsense', 'renaissance', 'cinnabar', 'onion', 'noon',
  'entertainment', 'independence', 'excellence', 'elephant', 'vegetable', 'telescope', 'weekend', 'freedom',
] as const;

const countLetter = (text: string, letter: string) => [...text].filter((c) => c === letter).length;

function letterPrompt(letter: string, where: string): string {
  return `How many times does the letter "${letter}" appear in ${where}? Answer with a number.`;
}

/** A word and one of its letters that it holds at least twice (counting one occurrence is not the skill). */
function wordAndLetter(rng: Rng): { word: string; letter: string } {
  for (;;) {
    const word = rng.pick(WORDS);
    const repeated = [...new Set(word)].filter((c) => countLetter(word, c) >= 2);
    if (repeated.length > 0) return { word, letter: rng.pick(repeated) };
  }
}

export const letterCounting = defineFamily({
  id: 'algorithmic.letter-counting',
  domain: 'algorithmic',
  title: 'Counting letters in words',
  description: 'Count how often a letter occurs in one word (easy) or in a list of six words (hard).',
  reportedFailure: {
    source: 'Widely shared chat transcripts, 2024: "How many r\'s are in the word strawberry?" (answered 2); the counting items of Williams & Huckle 2024, "Easy Problems That LLMs Get Wrong" (arXiv:2405.19616)',
    note: 'Strong chat models miscount a letter in a single common word, because they see tokens rather than letters; doubled letters are missed most.',
  },
  pairRule:
    'The hard list of words includes the easy word, so its total count adds the easy count to the counts in the other five words.',
  generate(rng) {
    const { word, letter } = wordAndLetter(rng);
    // Others that contain the letter, and some that do not, so the total is not simply "count words with it".
    const others = rng.sample(
      WORDS.filter((w) => w !== word),
      5,
    );
    const words = rng.shuffle([word, ...others]);
    const total = words.reduce((sum, w) => sum + countLetter(w, letter), 0);
    return {
      easy: { prompt: letterPrompt(letter, `the word "${word}"`), answer: String(countLetter(word, letter)), grader: NUMERIC },
      hard: { prompt: letterPrompt(letter, `this list of words: ${words.join(', ')}`), answer: String(total), grader: NUMERIC },
    };
  },
});

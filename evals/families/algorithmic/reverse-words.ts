import { defineFamily, type Draft } from '../define-family';

/** Everyday words of 6 to 10 letters, several with doubled letters (where reversing by token goes wrong most). */
export const WORDS = [
  'lollipop', 'strawberry', 'balloon', 'mississippi', 'bookkeeper', 'committee', 'umbrella', 'kangaroo', 'pineapple',
  'tomorrow', 'necessary', 'raccoon', 'broccoli', 'cinnamon', 'butterfly', 'hamburger', 'crocodile', 'sunflower',
  'blueberry', 'volcano', 'satellite', 'mushroom', 'pumpkin', 'squirrel', 'giraffe', 'keyboard', 'notebook',
  'elephant', 'dinosaur', 'sandwich', 'triangle', 'calendar', 'lantern', 'penguin', 'whistle', 'chocolate',
  'cucumber', 'horizon', 'lemonade', 'marathon', 'octopus', 'paradise', 'question', 'rainbow', 'scissors',
  'telescope', 'vanilla', 'waterfall', 'yesterday', 'zucchini', 'accommodate', 'embarrass', 'parallel', 'tennessee',
  'apricot', 'backpack', 'carousel', 'daffodil', 'envelope', 'flamingo', 'goldfish', 'hedgehog', 'iceberg', 'jellyfish',
  'kitchen', 'ladybird', 'magnet', 'necklace', 'orchestra', 'pancake', 'quarrel', 'rhubarb', 'seashell', 'teaspoon',
  'unicorn', 'velvet', 'walnut', 'acrobat', 'blizzard', 'cabbage', 'doorbell', 'eggplant', 'football', 'grasshopper',
  'hallway', 'illusion', 'jasmine', 'kettle', 'limerick', 'meadow', 'noodles', 'oatmeal', 'puddle', 'riddle',
  'spaghetti', 'toffee', 'villager', 'woodpecker', 'buttercup', 'coffee', 'dazzle', 'fiddle', 'goggles', 'hammock',
] as const;

const reverse = (text: string) => [...text].reverse().join('');

const EXACT = { kind: 'exact', caseSensitive: false } as const;

function reverseDraft(instruction: string, text: string): Draft {
  return { prompt: `${instruction} Answer with the reversed word only.`, answer: reverse(text), grader: EXACT };
}

export const reverseWords = defineFamily({
  id: 'algorithmic.reverse-words',
  domain: 'algorithmic',
  title: 'Reversing words',
  description: 'Write one everyday word backwards (easy); join three words into one string and write it backwards (hard).',
  reportedFailure: {
    source: 'Edman, Schmid & Fraser 2024, "CUTE: Measuring LLMs\' Understanding of Their Tokens" (EMNLP 2024); the reversal examples of Karpathy\'s tokenizer lecture (2024)',
    note: 'Models that spell a word correctly still fail to manipulate its letters (reverse, swap, delete), because they see tokens, not characters.',
  },
  pairRule:
    'The hard string starts with the easy word, so the easy word written backwards is exactly the end of the hard answer.',
  generate(rng) {
    const [first, second, third] = rng.sample(WORDS, 3) as [string, string, string];
    return {
      easy: reverseDraft(`Write the word "${first}" backwards, letter by letter.`, first),
      hard: reverseDraft(
        `Join the words "${first}", "${second}" and "${third}" into one word without spaces, in that order, then write that word backwards, letter by letter.`,
        first + second + third,
      ),
    };
  },
});

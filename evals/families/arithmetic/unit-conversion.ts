import { defineFamily, NUMERIC } from '../define-family';
import { decimal } from '../format';

interface Conversion {
  large: string;
  small: string;
  /** small units per large unit */
  factor: number;
  /** Piece sizes in small units that make natural stories. */
  pieces: number[];
  story(amount: string, piece: number): string;
}

const CONVERSIONS: Conversion[] = [
  {
    large: 'metres',
    small: 'centimetres',
    factor: 100,
    pieces: [15, 20, 25, 30, 40, 45, 60, 75],
    story: (amount, piece) =>
      `A ribbon ${amount} metres long is cut into pieces that are each ${piece} centimetres long, with nothing left over. How many pieces are there?`,
  },
  {
    large: 'kilometres',
    small: 'metres',
    factor: 1000,
    pieces: [200, 250, 400, 500, 800],
    story: (amount, piece) =>
      `A runner covers exactly ${amount} kilometres by running laps of a ${piece}-metre track. How many laps does she run?`,
  },
  {
    large: 'kilograms',
    small: 'grams',
    factor: 1000,
    pieces: [125, 150, 200, 250, 300, 400, 450, 600, 750],
    story: (amount, piece) =>
      `A baker divides ${amount} kilograms of flour into bags of ${piece} grams each, with nothing left over. How many bags does she fill?`,
  },
  {
    large: 'litres',
    small: 'millilitres',
    factor: 1000,
    pieces: [150, 200, 250, 300, 330, 400, 500, 750],
    story: (amount, piece) =>
      `A jug holds ${amount} litres of juice, which exactly fills glasses of ${piece} millilitres each. How many glasses are filled?`,
  },
  {
    large: 'hours',
    small: 'minutes',
    factor: 60,
    pieces: [15, 18, 20, 25, 36, 45, 50],
    story: (amount, piece) =>
      `A workshop lasting ${amount} hours is split into sessions of ${piece} minutes each, with no breaks and no time left over. How many sessions are there?`,
  },
];

export const unitConversion = defineFamily({
  id: 'arithmetic.unit-conversion',
  domain: 'arithmetic',
  title: 'Unit conversion',
  description: 'Convert a decimal amount to a smaller unit (easy); use that conversion to count equal pieces (hard).',
  pairRule:
    'The hard question gives the same amount in the larger unit and the piece size in the smaller one, so converting the amount (the easy question) comes first.',
  generate(rng) {
    const conversion = rng.pick(CONVERSIONS);
    for (;;) {
      const piece = rng.pick(conversion.pieces);
      const count = rng.int(3, 24);
      const total = piece * count;
      // A whole number of large units would make the conversion trivial.
      if (total % conversion.factor === 0) continue;
      // The amount is written with at most three decimals (hours: .25, .5, .75 only, via two places).
      const places = conversion.factor === 1000 ? 3 : 2;
      const scaled = (total * 10 ** places) / conversion.factor;
      if (!Number.isInteger(scaled)) continue;
      const amount = decimal(scaled, places);
      return {
        easy: {
          prompt: `How many ${conversion.small} are there in ${amount} ${conversion.large}? Answer with a number.`,
          answer: String(total),
          grader: NUMERIC,
        },
        hard: { prompt: `${conversion.story(amount, piece)} Answer with a number.`, answer: String(count), grader: NUMERIC },
      };
    }
  },
});

import { defineFamily, NUMERIC } from '../define-family';
import { decimal, MINUS, operand, TIMES } from '../format';
import type { Rng } from '../random';

interface Expression {
  text: string;
  /** The value in hundredths, so that no float rounding enters an answer. */
  hundredths: number;
}

/**
 * "9.11 − 9.9" or "8.8 − 8.11": the same whole part, two digits after the point in one number and one in the other,
 * and the one with more digits is the smaller. Reading the digits after the point as whole numbers (11 > 9) flips
 * the sign of the result: 0.21 instead of −0.79, −0.31 instead of 0.69. That reading is the reported failure.
 * `negative` picks the order, so that half the answers are negative and half positive.
 */
function easyExpression(rng: Rng, negative: boolean): Expression {
  const whole = rng.int(2, 19);
  const tenths = rng.int(1, 8);
  const hundredths = rng.int(1, 9);
  const longer = whole * 100 + tenths * 10 + hundredths;
  const shorter = whole * 100 + rng.int(tenths + 1, 9) * 10;
  const [first, second] = negative ? [longer, shorter] : [shorter, longer];
  return { text: `${decimal(first, 2)} ${MINUS} ${decimal(second, 2)}`, hundredths: first - second };
}

const prompt = (expression: string) => `Calculate ${expression}. Answer with a number.`;

export const negativeNumbers = defineFamily({
  id: 'arithmetic.negative-numbers',
  domain: 'arithmetic',
  title: 'Negative numbers',
  description:
    'Signed-number arithmetic: a decimal subtraction whose sign the digits after the point misrepresent (easy); that result multiplied by a negative number and shifted (hard).',
  reportedFailure: {
    source:
      'Widely shared chat transcripts since July 2024: "9.11 − 9.9" answered 0.21 (the subtraction follow-up of "9.11 and 9.9, which is bigger?"); "8.8 − 8.11" answered −0.31 by both ChatGPT and Gemini (agi.co.uk, "Why your favourite AI chatbot might need a maths tutor")',
    note: 'The easy probe is that subtraction with new numbers: of two decimals with the same whole part, the one with more digits after the point is the smaller, so reading those digits as whole numbers gets the sign wrong.',
  },
  pairRule:
    'The hard expression contains the easy expression in brackets, so getting its sign and size right is a step of the hard one.',
  generate(rng, index) {
    const easy = easyExpression(rng, index % 2 === 0);
    const k = rng.int(2, 9);
    const m = rng.int(2, 40);
    const hardText = `(${easy.text}) ${TIMES} ${operand(-k)} ${MINUS} ${operand(-m)}`;
    return {
      easy: { prompt: prompt(easy.text), answer: decimal(easy.hundredths, 2), grader: NUMERIC },
      hard: { prompt: prompt(hardText), answer: decimal(easy.hundredths * -k + m * 100, 2), grader: NUMERIC },
    };
  },
});

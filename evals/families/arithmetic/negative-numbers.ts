import { defineFamily, NUMERIC } from '../define-family';
import { decimal, MINUS, operand, TIMES } from '../format';
import type { Rng } from '../random';

interface Expression {
  text: string;
  /** The value in hundredths, so that no float rounding enters an answer. */
  hundredths: number;
}

/**
 * "9.11 − 9.9": the same whole part, two decimals after the point in the first number and one in the second, and
 * the second is larger. Reading the digits after the point as whole numbers (11 > 9) suggests a small positive
 * result; the true result is negative (−0.79). That reading is the reported failure.
 */
function easyExpression(rng: Rng): Expression {
  const whole = rng.int(2, 19);
  const tenths = rng.int(1, 8);
  const hundredths = rng.int(1, 9);
  const secondTenths = rng.int(tenths + 1, 9);
  const first = whole * 100 + tenths * 10 + hundredths;
  const second = whole * 100 + secondTenths * 10;
  return { text: `${decimal(first, 2)} ${MINUS} ${decimal(second, 2)}`, hundredths: first - second };
}

const prompt = (expression: string) => `Calculate ${expression}. Answer with a number.`;

export const negativeNumbers = defineFamily({
  id: 'arithmetic.negative-numbers',
  domain: 'arithmetic',
  title: 'Negative numbers',
  description:
    'Signed-number arithmetic: a decimal subtraction whose result is negative although the digits after the point suggest otherwise (easy); that result multiplied by a negative number and shifted (hard).',
  reportedFailure: {
    source:
      'Widely shared chat transcripts, July 2024: asked for "9.11 − 9.9", strong chat models answered a positive 0.21 (the subtraction follow-up of "9.11 and 9.9, which is bigger?")',
    note: 'The easy probe is that subtraction with new numbers: the first number has more digits after the point but is the smaller, so the result is negative.',
  },
  pairRule:
    'The hard expression contains the easy expression in brackets, so getting its sign and size right is a step of the hard one.',
  generate(rng) {
    const easy = easyExpression(rng);
    const k = rng.int(2, 9);
    const m = rng.int(2, 40);
    const hardText = `(${easy.text}) ${TIMES} ${operand(-k)} ${MINUS} ${operand(-m)}`;
    return {
      easy: { prompt: prompt(easy.text), answer: decimal(easy.hundredths, 2), grader: NUMERIC },
      hard: { prompt: prompt(hardText), answer: decimal(easy.hundredths * -k + m * 100, 2), grader: NUMERIC },
    };
  },
});

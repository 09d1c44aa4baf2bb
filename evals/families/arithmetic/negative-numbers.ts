import { defineFamily, NUMERIC } from '../define-family';
import { MINUS, operand, signed, TIMES } from '../format';
import type { Rng } from '../random';

interface Expression {
  text: string;
  value: number;
}

/** Subtracting a negative, or adding to a negative: the sign rules, one step. */
function easyExpression(rng: Rng): Expression {
  const a = rng.int(2, 30);
  const b = rng.int(2, 30);
  switch (rng.int(0, 2)) {
    case 0:
      return { text: `${a} ${MINUS} ${operand(-b)}`, value: a + b };
    case 1:
      return { text: `${signed(-a)} ${MINUS} ${operand(-b)}`, value: -a + b };
    default:
      return { text: `${signed(-a)} ${MINUS} ${b}`, value: -a - b };
  }
}

const prompt = (expression: string) => `Calculate ${expression}. Answer with a number.`;

export const negativeNumbers = defineFamily({
  id: 'arithmetic.negative-numbers',
  domain: 'arithmetic',
  title: 'Negative numbers',
  description: 'Signed-number arithmetic: one subtraction involving negatives (easy); that result multiplied and shifted (hard).',
  pairRule:
    'The hard expression contains the easy expression in brackets, so getting its sign and size right is a step of the hard one.',
  generate(rng) {
    let easy: Expression;
    do easy = easyExpression(rng);
    while (easy.value === 0);
    const k = rng.int(2, 9);
    const m = rng.int(2, 40);
    const hardText = `(${easy.text}) ${TIMES} ${operand(-k)} ${MINUS} ${operand(-m)}`;
    return {
      easy: { prompt: prompt(easy.text), answer: String(easy.value), grader: NUMERIC },
      hard: { prompt: prompt(hardText), answer: String(easy.value * -k + m), grader: NUMERIC },
    };
  },
});

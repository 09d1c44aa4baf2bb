import { defineFamily, NUMERIC } from '../define-family';
import { DIVIDE, MINUS, TIMES } from '../format';
import type { Rng } from '../random';

interface Expression {
  text: string;
  value: number;
}

/** "a + b × c" or "n − b × c": read left to right they give a different number, which is the point. */
function easyExpression(rng: Rng): Expression {
  const a = rng.int(1, 9);
  const b = rng.int(2, 9);
  const c = rng.int(2, 9);
  if (rng.chance(0.5)) return { text: `${a} + ${b} ${TIMES} ${c}`, value: a + b * c };
  // "n − b × c" with n > b × c keeps the value positive; read left to right it would be (n − b) × c.
  return { text: `${a + b * c} ${MINUS} ${b} ${TIMES} ${c}`, value: a };
}

/** Wraps the easy expression in brackets inside a longer one, so the easy value is a step of the hard one. */
function hardExpression(rng: Rng, easy: Expression): Expression {
  const d = rng.int(2, 9);
  const e = rng.int(2, 6);
  const f = rng.int(1, 20);
  switch (rng.int(0, 2)) {
    case 0:
      return { text: `(${d} + ${easy.text}) ${TIMES} ${e} ${MINUS} ${f}`, value: (d + easy.value) * e - f };
    case 1:
      return { text: `${e} ${TIMES} (${easy.text} + ${d}) + ${f}`, value: e * (easy.value + d) + f };
    default: {
      // Choose the addend so that the bracket divides evenly by e.
      const addend = e - (easy.value % e) + e * rng.int(0, 2);
      return {
        text: `(${easy.text} + ${addend}) ${DIVIDE} ${e} + ${f}`,
        value: (easy.value + addend) / e + f,
      };
    }
  }
}

const prompt = (expression: string) => `Calculate ${expression}. Answer with a number.`;

export const orderOfOperations = defineFamily({
  id: 'arithmetic.order-of-operations',
  domain: 'arithmetic',
  title: 'Order of operations',
  description: 'Evaluate expressions where multiplication and division come before addition and subtraction.',
  pairRule:
    'The hard expression contains the easy expression in brackets, so its value is a step in evaluating the hard one.',
  generate(rng) {
    const easy = easyExpression(rng);
    const hard = hardExpression(rng, easy);
    return {
      easy: { prompt: prompt(easy.text), answer: String(easy.value), grader: NUMERIC },
      hard: { prompt: prompt(hard.text), answer: String(hard.value), grader: NUMERIC },
    };
  },
});

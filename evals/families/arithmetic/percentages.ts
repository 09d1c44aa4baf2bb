import { defineFamily, NUMERIC } from '../define-family';
import { decimal } from '../format';

const ITEMS = ['jacket', 'lamp', 'bicycle', 'kettle', 'backpack', 'desk chair', 'pair of boots', 'rug', 'tent', 'guitar'];
const PERCENTS = [5, 10, 15, 20, 25, 30, 35, 40, 45, 60, 75];

export const percentages = defineFamily({
  id: 'arithmetic.percentages',
  domain: 'arithmetic',
  title: 'Percentages',
  description: 'Take a percentage of an amount (easy); chain a discount and a tax on a price (hard).',
  pairRule:
    'The hard price is first reduced by the easy percentage of the same amount, so computing that percentage is its first step.',
  generate(rng) {
    const price = rng.int(2, 30) * 20; // a multiple of 20, so every p% (p a multiple of 5) is a whole number
    const discount = rng.pick(PERCENTS);
    const tax = rng.pick([5, 8, 10, 12, 15, 20].filter((t) => t !== discount));
    const item = rng.pick(ITEMS);
    const discountAmount = (price * discount) / 100;
    // Whole cents: price·(100 − d) is a multiple of 100, so the taxed price has at most two decimals.
    const finalCents = ((price * (100 - discount)) / 100) * (100 + tax);
    return {
      easy: {
        prompt: `What is ${discount}% of ${price}? Answer with a number.`,
        answer: String(discountAmount),
        grader: NUMERIC,
      },
      hard: {
        prompt: `A ${item} costs $${price}. The shop takes ${discount}% off that price, and then ${tax}% sales tax is added to the reduced price. What is the final price in dollars? Answer with a number.`,
        answer: decimal(finalCents, 2),
        grader: NUMERIC,
      },
    };
  },
});

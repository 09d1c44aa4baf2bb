import { choiceDraft, defineFamily, NUMERIC } from '../define-family';

/** Light stuff measured in kilograms against dense stuff measured in (more) grams: the numbers point the wrong way. */
const LIGHT = ['feathers', 'popcorn', 'cotton wool', 'foam packing chips', 'dry leaves', 'paper napkins'];
const DENSE = ['iron nails', 'lead shot', 'bricks', 'steel bolts', 'sand', 'coins'];
const SAME = 'They weigh the same';

/** "3 kilograms of feathers", "2,500 grams of bricks" */
const kilograms = (n: number, stuff: string) => `${n} ${n === 1 ? 'kilogram' : 'kilograms'} of ${stuff}`;
const grams = (n: number, stuff: string) => `${n.toLocaleString('en-US')} grams of ${stuff}`;

export const weighsMore = defineFamily({
  id: 'commonsense.weighs-more',
  domain: 'commonsense',
  title: 'Which weighs more',
  description:
    'Which weighs more, some kilograms of a light material or more grams of a dense one (easy, with a twin whose other side is heavier); then on a balance with sand added, the weight that evens it (hard).',
  reportedFailure: {
    source: 'Widely shared chat transcripts (2023–24): "Which is heavier, 2 pounds of feathers or 1 pound of bricks?"; the trick-question items of Williams & Huckle 2024, "Easy Problems That LLMs Get Wrong" (arXiv:2405.19616)',
    note: 'Chat models answered the famous riddle ("they weigh the same") to a question with unequal amounts, or judged by the material or by the bigger number instead of the weight.',
  },
  pairRule:
    'The hard balance holds the two easy amounts, and the sand goes on the side that weighs more, so the easy comparison (in one unit) decides the scene and the answer is the difference plus the sand.',
  generate(rng, index) {
    const light = rng.pick(LIGHT);
    const dense = rng.pick(DENSE);
    const kg = rng.int(1, 5);
    // Heavier and lighter dense amounts, both above the kilogram number and at least 100 g from the light weight.
    const lighterDense = rng.int(Math.max(2, kg * 4), kg * 20 - 2) * 50;
    const heavierDense = kg * 1000 + rng.int(2, 40) * 50;
    // Pairs alternate which side wins the easy probe; the twin always has the other winner.
    const lightWins = index % 2 === 0;
    const dense1 = lightWins ? lighterDense : heavierDense;
    const dense2 = lightWins ? heavierDense : lighterDense;
    const lightText = kilograms(kg, light);
    const order = rng.chance(0.5);
    const draft = (denseGrams: number) => {
      const denseText = grams(denseGrams, dense);
      const options = order ? [lightText, denseText, SAME] : [denseText, lightText, SAME];
      return choiceDraft('Which weighs more?', options, denseGrams < kg * 1000 ? lightText : denseText);
    };
    const sand = rng.int(1, 9) * 100;
    return {
      easy: draft(dense1),
      easyTwin: draft(dense2),
      hard: {
        prompt: `A sack of ${lightText} is on the left pan of a balance and a bag of ${grams(dense1, dense)} is on the right pan. ${sand} grams of sand are poured onto the pan that is lower. How many grams must now be put on the other pan to make the balance level? Answer with a number.`,
        answer: String(Math.abs(kg * 1000 - dense1) + sand),
        grader: NUMERIC,
      },
    };
  },
});

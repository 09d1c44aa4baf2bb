import { defineFamily, NUMERIC } from '../define-family';
import type { Rng } from '../random';
import { FEMALE_NAMES, MALE_NAMES, type Gender } from './names';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Household {
  name: string;
  gender: Gender;
  brothers: number;
  sisters: number;
}

/** Girls and boys among all the children, the named child included: the count the easy question asks for. */
function childrenOf(family: Household): { girls: number; boys: number } {
  return {
    girls: family.sisters + (family.gender === 'female' ? 1 : 0),
    boys: family.brothers + (family.gender === 'male' ? 1 : 0),
  };
}

function pickHousehold(rng: Rng): Household {
  const gender: Gender = rng.chance(0.5) ? 'female' : 'male';
  return {
    gender,
    name: rng.pick(gender === 'female' ? FEMALE_NAMES : MALE_NAMES),
    brothers: rng.int(1, 5),
    sisters: rng.int(1, 5),
  };
}

export const siblings = defineFamily({
  id: 'commonsense.siblings',
  domain: 'commonsense',
  title: 'Counting siblings',
  description:
    '"Alice has 3 brothers and 2 sisters": count the daughters or sons of the family (easy), then a sibling\'s sisters or brothers (hard).',
  reportedFailure: {
    source: 'Nezhurina et al. 2024, "Alice in Wonderland: Simple Tasks Showing Complete Reasoning Breakdown in State-Of-the-Art Large Language Models" (arXiv:2406.02061)',
    note: '"Alice has N brothers and M sisters. How many sisters does Alice\'s brother have?": most state-of-the-art models answered M, forgetting to count Alice, and stuck to it with confident explanations.',
  },
  pairRule:
    "A sibling's number of sisters (or brothers) is the family's number of daughters (or sons), the easy count, less one if that sibling is a daughter (or son).",
  generate(rng) {
    const family = pickHousehold(rng);
    const { girls, boys } = childrenOf(family);
    const facts = `${family.name} has ${plural(family.brothers, 'brother', 'brothers')} and ${plural(family.sisters, 'sister', 'sisters')}.`;
    // Ask about a sibling of the other sex most of the time: that is where the named child must be counted.
    const siblingGender: Gender = rng.chance(0.75) ? (family.gender === 'female' ? 'male' : 'female') : family.gender;
    const sibling = siblingGender === 'female' ? 'sisters' : 'brothers';
    const askGirls = rng.chance(0.5);
    const asked = askGirls ? 'sisters' : 'brothers';
    const countAsked = askGirls ? girls : boys;
    const selfExcluded = (askGirls ? 'female' : 'male') === siblingGender ? 1 : 0;
    const theirNames = siblingGender === 'female' ? FEMALE_NAMES : MALE_NAMES;
    const siblingName = rng.pick(theirNames.filter((n) => n !== family.name));
    return {
      easy: {
        prompt: `${facts} All of them have the same two parents. How many ${askGirls ? 'daughters' : 'sons'} do the parents have? Answer with a number.`,
        answer: String(countAsked),
        grader: NUMERIC,
      },
      hard: {
        prompt: `${facts} All of them have the same two parents. ${siblingName} is one of ${family.name}'s ${sibling}. How many ${asked} does ${siblingName} have? Answer with a number.`,
        answer: String(countAsked - selfExcluded),
        grader: NUMERIC,
      },
    };
  },
});

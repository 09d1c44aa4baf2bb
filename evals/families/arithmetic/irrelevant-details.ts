import { defineFamily, NUMERIC } from '../define-family';
import { FEMALE_NAMES, MALE_NAMES } from '../commonsense/names';

interface Setting {
  plural: string;
  /** "picks 44 apples on Monday": the verb phrase, with {n} for the count and {day} for the day. */
  gather: string;
  container: string;
}

const SETTINGS: Setting[] = [
  { plural: 'apples', gather: 'picks {n} apples on {day}', container: 'bags' },
  { plural: 'shells', gather: 'collects {n} shells on the beach on {day}', container: 'jars' },
  { plural: 'cookies', gather: 'bakes {n} cookies on {day}', container: 'tins' },
  { plural: 'stamps', gather: 'buys {n} stamps on {day}', container: 'albums' },
  { plural: 'eggs', gather: 'gathers {n} eggs on {day}', container: 'boxes' },
  { plural: 'tomatoes', gather: 'harvests {n} tomatoes on {day}', container: 'crates' },
  { plural: 'pencils', gather: 'orders {n} pencils on {day}', container: 'cases' },
];

/**
 * Clauses that give a number about some of the items without changing how many there are: the trap is to subtract
 * (or add) it. Each names the day's items it is about, so it is plainly a description, not an event.
 */
const DISTRACTORS = [
  '{c} of the {items} from {day} are a little smaller than the others.',
  '{c} of the {items} from {day} are a slightly different colour.',
  'Of the {items} from {day}, {c} were found before noon.',
  '{c} of the {items} from {day} have a small mark on them.',
];

const BAG_DISTRACTORS = ['{e} of the {containers} are blue.', 'Each of the {containers} has room for a few more.', 'It takes {e} minutes to fill them.'];

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

export const irrelevantDetails = defineFamily({
  id: 'arithmetic.irrelevant-details',
  domain: 'arithmetic',
  title: 'Word problems with an irrelevant detail',
  description:
    'Add two amounts in a short story that also gives an irrelevant number about some of the items (easy); then give some away and pack the rest into equal groups, with one more irrelevant detail (hard).',
  reportedFailure: {
    source: 'Mirzadeh et al. 2024, "GSM-Symbolic: Understanding the Limitations of Mathematical Reasoning in Large Language Models" (arXiv:2410.05229), the GSM-NoOp set',
    note: 'Adding one clause that mentions a number but does not matter ("five of them were a bit smaller than average") made strong models subtract it; accuracy fell by up to 65 points.',
  },
  pairRule:
    'The hard story is the easy story continued, so the easy total (ignoring the detail) is the amount from which the hard question gives some away and packs the rest.',
  generate(rng) {
    const setting = rng.pick(SETTINGS);
    const name = rng.pick(rng.chance(0.5) ? FEMALE_NAMES : MALE_NAMES);
    const [first, second] = rng.sample(DAYS, 2) as [string, string];
    const a = rng.int(20, 60);
    const b = rng.int(20, 60);
    const c = rng.int(3, 9);
    const total = a + b;
    const story = [
      `${name} ${fill(setting.gather, { n: a, day: first })} and ${b} more on ${second}.`,
      fill(rng.pick(DISTRACTORS), { c, items: setting.plural, day: rng.pick([first, second]) }),
    ].join(' ');
    // The hard story gives some away and packs the rest evenly: the gift is topped up until the rest divides.
    const size = rng.int(3, 8);
    const base = rng.int(2, 9);
    const gift = base + ((total - base) % size);
    const groups = (total - gift) / size;
    const e = rng.int(2, Math.min(5, groups));
    return {
      easy: {
        prompt: `${story} How many ${setting.plural} does ${name} have in all? Answer with a number.`,
        answer: String(total),
        grader: NUMERIC,
      },
      hard: {
        prompt: `${story} Then ${name} gives ${gift} of them to a neighbour and packs the rest into ${setting.container} of ${size}. ${fill(rng.pick(BAG_DISTRACTORS), { e, containers: setting.container })} How many ${setting.container} does ${name} fill? Answer with a number.`,
        answer: String(groups),
        grader: NUMERIC,
      },
    };
  },
});

import { choiceDraft, defineFamily, type Draft } from '../define-family';
import type { Rng } from '../random';
import { FEMALE_NAMES, MALE_NAMES, possessive, pronoun, type Gender } from './names';

interface Person {
  name: string;
  gender: Gender;
}

/** Relation words by the gender of the person they describe. "cousin" is the same for both. */
const TERMS: Record<Gender, string[]> = {
  female: ['mother', 'grandmother', 'great-grandmother', 'aunt', 'sister', 'cousin', 'niece', 'daughter', 'granddaughter', 'great-granddaughter'],
  male: ['father', 'grandfather', 'great-grandfather', 'uncle', 'brother', 'cousin', 'nephew', 'son', 'grandson', 'great-grandson'],
};

/** The wrong answer a one-step-off reading gives; it is always among the options. */
const NEAR_MISS: Record<string, string> = {
  grandmother: 'mother', grandfather: 'father', granddaughter: 'daughter', grandson: 'son',
  'great-grandmother': 'grandmother', 'great-grandfather': 'grandfather',
  'great-granddaughter': 'granddaughter', 'great-grandson': 'grandson',
  aunt: 'sister', uncle: 'brother', niece: 'granddaughter', nephew: 'grandson',
};

function nearMissFor(term: string, gender: Gender): string | undefined {
  if (term === 'cousin') return gender === 'female' ? 'sister' : 'brother';
  return NEAR_MISS[term];
}

const PARENT = { female: 'mother', male: 'father' } as const;
const CHILD = { female: 'daughter', male: 'son' } as const;

const parentFact = (parent: Person, child: Person) => `${parent.name} is ${child.name}'s ${PARENT[parent.gender]}.`;
const childFact = (child: Person, parent: Person) => `${child.name} is ${parent.name}'s ${CHILD[child.gender]}.`;

const EVERYONE: Person[] = [
  ...FEMALE_NAMES.map((name) => ({ name, gender: 'female' as const })),
  ...MALE_NAMES.map((name) => ({ name, gender: 'male' as const })),
];

/** A riddle told before the facts, and the answer its famous version has (listed among the options as a trap). */
interface Riddle {
  story: string;
  trap: string;
}

function relationDraft(rng: Rng, facts: readonly string[], subject: Person, other: Person, term: string, riddle?: Riddle): Draft {
  const nearMiss = nearMissFor(term, subject.gender);
  const traps = [...new Set([nearMiss, riddle?.trap].filter((t): t is string => t !== undefined && t !== term))];
  const pool = TERMS[subject.gender].filter((t) => t !== term && !traps.includes(t));
  const options = rng.shuffle([term, ...traps, ...rng.sample(pool, 4 - traps.length)]);
  const question = `${facts.join(' ')} What is ${subject.name} to ${other.name}?`;
  return choiceDraft(riddle ? `${riddle.story} ${question}` : question, options, term);
}

const GRANDCHILD = { female: 'granddaughter', male: 'grandson' } as const;
const YOUNG = { female: 'girl', male: 'boy' } as const;

/**
 * The surgeon riddle with one word changed: in the famous version the surgeon says "he's my son" and the answer is
 * "his mother"; here the surgeon says "my grandson" (or "granddaughter"), which the facts confirm. A model that
 * recalls the famous riddle instead of reading answers "mother" (always an option) or "son".
 */
function surgeonRiddle(grand: Person, parent: Person, child: Person): Riddle {
  const kid = child.gender;
  return {
    story:
      `${child.name} and ${possessive(kid)} ${PARENT[parent.gender]} ${parent.name} are in a car accident, and ${child.name} is rushed to hospital. ` +
      `The surgeon on duty, ${grand.name}, looks at ${child.name} and says: "I can't operate on this ${YOUNG[kid]}, ${pronoun(kid)}'s my ${GRANDCHILD[kid]}!"`,
    trap: 'mother',
  };
}

export const familyRelations = defineFamily({
  id: 'commonsense.family-relations',
  domain: 'commonsense',
  title: 'Family relations',
  description:
    'Name a relation from parent and child facts: a grandparent or grandchild, told as the surgeon riddle with one word changed (easy); a great-grandparent, aunt, uncle, niece, nephew or cousin through that link (hard).',
  reportedFailure: {
    source:
      'Widely shared chat transcripts (2024) of the surgeon riddle made trivial ("The surgeon, who is the boy\'s father, says: I can\'t operate on this boy, he\'s my son. Who is the surgeon to the boy?"), answered "his mother"',
    note: 'The easy probe tells the surgeon riddle with "son" changed to "grandson" (or "granddaughter"), which the stated facts confirm; the famous answer, "mother" (or "son"), is always among the options.',
  },
  pairRule:
    'The hard facts include the easy facts, and the asked relation runs through the grandparent link that the easy question asks about.',
  generate(rng) {
    const [grand, parent, child, extra, extraChild] = rng.sample(EVERYONE, 5) as [Person, Person, Person, Person, Person];
    const easyFacts = [parentFact(grand, parent), rng.chance(0.5) ? parentFact(parent, child) : childFact(child, parent)];
    const upward = rng.chance(0.5);
    const riddle = surgeonRiddle(grand, parent, child);
    const easy = upward
      ? relationDraft(rng, easyFacts, grand, child, grand.gender === 'female' ? 'grandmother' : 'grandfather', riddle)
      : relationDraft(rng, easyFacts, child, grand, GRANDCHILD[child.gender], { ...riddle, trap: CHILD[child.gender] });

    const kind = rng.int(0, 2);
    let hard: Draft;
    if (kind === 0) {
      // A fourth generation below the child.
      const facts = rng.shuffle([...easyFacts, parentFact(child, extra)]);
      hard = upward
        ? relationDraft(rng, facts, grand, extra, grand.gender === 'female' ? 'great-grandmother' : 'great-grandfather')
        : relationDraft(rng, facts, extra, grand, extra.gender === 'female' ? 'great-granddaughter' : 'great-grandson');
    } else if (kind === 1) {
      // Another child of the grandparent: the child's aunt or uncle.
      const facts = rng.shuffle([...easyFacts, childFact(extra, grand)]);
      hard = upward
        ? relationDraft(rng, facts, extra, child, extra.gender === 'female' ? 'aunt' : 'uncle')
        : relationDraft(rng, facts, child, extra, child.gender === 'female' ? 'niece' : 'nephew');
    } else {
      // That other child's own child: a cousin (same grandparent, different parents).
      const facts = rng.shuffle([...easyFacts, childFact(extra, grand), parentFact(extra, extraChild)]);
      hard = relationDraft(rng, facts, extraChild, child, 'cousin');
    }
    return { easy, hard };
  },
});

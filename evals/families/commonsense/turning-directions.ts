import { defineFamily, type Draft } from '../define-family';
import { englishList } from '../format';
import type { Rng } from '../random';

export const COMPASS = ['north', 'east', 'south', 'west'] as const;

/** Quarter turns clockwise per instruction. */
export const TURNS = { 'turn right': 1, 'turn left': 3, 'turn around': 2 } as const;
type Turn = keyof typeof TURNS;
const TURN_NAMES = Object.keys(TURNS) as Turn[];

function facingAfter(start: number, turns: readonly Turn[]): string {
  const quarterTurns = turns.reduce((sum, turn) => sum + TURNS[turn], start);
  return COMPASS[quarterTurns % 4]!;
}

function turningDraft(start: number, turns: readonly Turn[]): Draft {
  const steps = englishList(turns.map((turn, i) => (i === 0 ? turn : `then ${turn}`)));
  return {
    prompt: `You are standing still, facing ${COMPASS[start]}. You ${steps}. Which compass direction are you facing now? Answer with one word: north, east, south or west.`,
    answer: facingAfter(start, turns),
    grader: { kind: 'text' },
    // The prompt names the four directions: a guess passes one time in four.
    chance: 1 / COMPASS.length,
  };
}

/**
 * The contrast twin of the easy turns: the last turn replaced by another kind, which always ends on another facing
 * (each kind turns by a different number of quarter turns), never making "turn around" twice running.
 */
function twinTurns(rng: Rng, turns: readonly Turn[]): Turn[] {
  const last = turns[turns.length - 1]!;
  const before = turns[turns.length - 2];
  const others = TURN_NAMES.filter((turn) => turn !== last && !(turn === 'turn around' && before === 'turn around'));
  return [...turns.slice(0, -1), rng.pick(others)];
}

/** Random turns, never "turn around" twice running (two of them cancel out, which reads like a trick). */
function randomTurns(rng: Rng, count: number, previous?: Turn): Turn[] {
  const turns: Turn[] = [];
  let last = previous;
  while (turns.length < count) {
    const turn = rng.pick(TURN_NAMES);
    if (turn === 'turn around' && last === 'turn around') continue;
    turns.push(turn);
    last = turn;
  }
  return turns;
}

export const turningDirections = defineFamily({
  id: 'commonsense.turning-directions',
  domain: 'commonsense',
  title: 'Turning left and right',
  description: 'Follow turns from a compass direction: two to four turns (easy, with a twin whose last turn differs), the same turns followed by four more (hard).',
  reportedFailure: {
    source: 'Yamada et al. 2023, "Evaluating Spatial Understanding of Large Language Models" (arXiv:2310.14540)',
    note: 'Following short step-by-step movement instructions in text, GPT-3.5, GPT-4 and Llama 2 models often lose track of where they are, with accuracy varying widely by layout.',
  },
  pairRule:
    'The hard instructions start with the easy turns from the same facing, so the easy answer is the facing from which the remaining turns continue.',
  generate(rng) {
    const start = rng.int(0, 3);
    const first = randomTurns(rng, rng.int(2, 4));
    const rest = randomTurns(rng, 4, first[first.length - 1]);
    return {
      easy: turningDraft(start, first),
      easyTwin: turningDraft(start, twinTurns(rng, first)),
      hard: turningDraft(start, [...first, ...rest]),
    };
  },
});

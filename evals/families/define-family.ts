import { FamilySchema, type Family, type GraderSpec } from '../contracts';
import type { Rng } from './random';

/** One probe as a generator writes it: the ids, tier and family are filled in by `buildPair`. */
export interface Draft {
  prompt: string;
  /** The canonical answer, checked by `grader` (a number, "yes"/"no", an option letter, a comma-separated list…). */
  answer: string;
  grader: GraderSpec;
  /** Chance of passing by guessing, when the prompt offers fewer options than the grader accepts (see Probe.chance). */
  chance?: number;
}

/**
 * An easy and a hard draft, and for a binary or few-option probe its contrast twin: the same question made to flip
 * its answer to the other option, so that guessing passes the tier (both right) with ¼ instead of ½.
 */
export interface DraftPair {
  easy: Draft;
  hard: Draft;
  easyTwin?: Draft;
  hardTwin?: Draft;
}

/**
 * A family with its seeded generator. `generate` must be a pure function of (rng draws, index): the index lets a
 * family balance its answers (e.g. parity alternates 0 and 1) without keeping state between calls.
 */
export interface FamilyGenerator extends Family {
  generate(rng: Rng, index: number): DraftPair;
}

/** Declares a generated family; its metadata is checked against the Family contract when the module loads. */
export function defineFamily(definition: FamilyGenerator): FamilyGenerator {
  const checked = FamilySchema.safeParse(definition);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(`family "${definition.id}": ${issue.path.join('.')}: ${issue.message}`);
  }
  return definition;
}

/** Grader specs the families use over and over. */
export const NUMERIC: GraderSpec = { kind: 'numeric' };
export const YES_NO: GraderSpec = { kind: 'yesno' };
export const LIST: GraderSpec = { kind: 'list' };

/** Option letters for multiple-choice prompts. */
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Multiple choice: the prompt lists "A) …" lines, the answer is the letter of `correct`, and the grader knows the
 * option texts so that a model answering with the text instead of the letter is still graded.
 */
export function choiceDraft(question: string, options: readonly string[], correct: string): Draft {
  const index = options.indexOf(correct);
  if (index < 0) throw new Error(`choiceDraft: "${correct}" is not among the options ${options.join(', ')}`);
  const lines = options.map((option, i) => `${LETTERS[i]}) ${option}`);
  return {
    prompt: `${question}\n${lines.join('\n')}\nAnswer with the letter of the correct option.`,
    answer: LETTERS[index]!,
    grader: { kind: 'choice', options: [...options] },
  };
}

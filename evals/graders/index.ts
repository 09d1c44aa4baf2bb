import type { Grade, GraderKind, GraderSpec } from '../contracts';
import { parseWholeNumber } from '../extract';
import { graders, type Handler } from './handlers';
import { failed } from './verdict';

export { NO_ANSWER, AMBIGUOUS, REFUSAL } from '../extract';
export { graders } from './handlers';
export { gradeOutcome, type GradedOutcome } from './grade-outcome';

/**
 * Grades one response against the expected answer. Never throws: a response with no readable answer is
 * `{pass: false, extracted: null, reason: "no final answer found"}`, and a grader bug becomes a failed grade that
 * says so. For the previews; what a run stores comes from `gradeOutcome` (refusals and grader errors kept apart).
 */
export function grade(response: string, answer: string, spec: GraderSpec): Grade {
  try {
    const handler = graders[spec.kind] as Handler<GraderKind>;
    return handler(typeof response === 'string' ? response : String(response ?? ''), answer, spec);
  } catch (error) {
    return failed(null, `grader error (${spec.kind}): ${(error as Error).message}`);
  }
}

const YES_NO = /^(?:yes|no|true|false)$/i;

/**
 * The grader for an answer given without one: numeric when the answer is a number ("391", "-7", "3/4", "75%",
 * "$12"), yesno for yes/no/true/false, otherwise text.
 */
export function inferGraderSpec(answer: string): GraderSpec {
  const trimmed = answer.trim();
  if (parseWholeNumber(trimmed, { allowUnits: false })) return { kind: 'numeric' };
  if (YES_NO.test(trimmed)) return { kind: 'yesno' };
  return { kind: 'text' };
}

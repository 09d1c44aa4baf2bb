import type { ErrorKind, GraderKind, GraderSpec } from '../contracts';
import { REFUSAL } from '../extract';
import { graders, type Handler } from './handlers';

/** What a response becomes in storage: an answer (pass/fail), a refusal, or an error of the grader's own. */
export interface GradedOutcome {
  outcome: 'pass' | 'fail' | 'refusal' | 'error';
  errorKind: Extract<ErrorKind, 'grader_error'> | null;
  extracted: string | null;
  reason: string;
}

/**
 * Grades one response for storage. A refusal or an out-of-scope notice (the readers word both as reason
 * "refusal: ...") is its own outcome, not a wrong answer; a grader that throws is an `error` of kind `grader_error`
 * (our bug: it is retried and never counted as the model's mistake). Never throws.
 */
export function gradeOutcome(response: string, answer: string, spec: GraderSpec): GradedOutcome {
  try {
    const handler = graders[spec.kind] as Handler<GraderKind>;
    const verdict = handler(typeof response === 'string' ? response : String(response ?? ''), answer, spec);
    if (!verdict.pass && verdict.reason.startsWith(REFUSAL)) {
      return { outcome: 'refusal', errorKind: null, extracted: null, reason: verdict.reason };
    }
    return { outcome: verdict.pass ? 'pass' : 'fail', errorKind: null, extracted: verdict.extracted, reason: verdict.reason };
  } catch (error) {
    return { outcome: 'error', errorKind: 'grader_error', extracted: null, reason: `grader error (${spec.kind}): ${(error as Error).message}` };
  }
}

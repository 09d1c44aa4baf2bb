import type { Grade, GraderKind, GraderSpec } from '../contracts';
import { gradeChoice } from './choice';
import { gradeExact } from './exact';
import { gradeList } from './list';
import { gradeNumeric } from './numeric';
import { gradeSet } from './set';
import { gradeSymbolic } from './symbolic';
import { gradeText } from './text';
import { gradeYesNo } from './yesno';

export type Handler<K extends GraderKind> = (response: string, answer: string, spec: Extract<GraderSpec, { kind: K }>) => Grade;

/** One handler per grader kind, one file each (promptfoo style). Add a kind: a file here, a line below. */
export const graders: { [K in GraderKind]: Handler<K> } = {
  numeric: gradeNumeric,
  choice: gradeChoice,
  yesno: gradeYesNo,
  exact: gradeExact,
  text: gradeText,
  set: gradeSet,
  list: gradeList,
  symbolic: gradeSymbolic,
};

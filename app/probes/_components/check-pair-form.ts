import { FamilySchema } from '../../../evals/contracts/family';
import { PairDraftSchema, pairFromDraft } from '../../../evals/contracts/pair-draft';
import { PairSchema } from '../../../evals/contracts/pair';
import { SuiteIdSchema } from '../../../evals/contracts/suite';
import { graderSpecOf, type GraderText } from './grader-fields';

/** The family select's value for "declare a new family". */
export const NEW_FAMILY = '__new__';
export const EMPTY_FAMILY = { id: '', domain: '', title: '', description: '', pairRule: '' };
export type FamilyText = typeof EMPTY_FAMILY;

/** Checks the form with the same zod contracts as suite files; returns the draft (or null) and errors by field. */
export function checkPairForm(input: { familyChoice: string; family: FamilyText; key: string; easy: { prompt: string; answer: string }; hard: { prompt: string; answer: string }; grader: GraderText; suiteId: string }) {
  const errors: Record<string, string> = {};
  const isNew = input.familyChoice === NEW_FAMILY;
  const familyId = isNew ? input.family.id.trim() : input.familyChoice;
  let newFamily = null;
  if (isNew) {
    const parsed = FamilySchema.safeParse({ ...input.family, id: familyId });
    if (parsed.success) newFamily = parsed.data;
    else for (const i of parsed.error.issues) errors[`family.${String(i.path[0])}`] ??= i.message;
    if (parsed.success && familyId.split('.')[0] !== parsed.data.domain) errors['family.domain'] = `must be "${familyId.split('.')[0]}", the first part of the family id`;
  } else if (!familyId) errors['family'] = 'pick a family, or declare a new one';
  const draftInput = { family: familyId, ...(input.key.trim() ? { key: input.key.trim() } : {}), easy: input.easy, hard: input.hard, grader: graderSpecOf(input.grader) };
  const draft = PairDraftSchema.safeParse(draftInput);
  if (!draft.success) {
    for (const i of draft.error.issues) {
      const path = i.path.map(String);
      const field = path[0] === 'grader' ? 'grader' : path.join('.');
      if (field === 'family' && isNew) continue; // reported on the new family's id
      errors[field] ??= i.message;
    }
  } else {
    const pair = PairSchema.safeParse(pairFromDraft(draft.data, draft.data.key ?? '000'));
    if (!pair.success) for (const i of pair.error.issues) errors[i.path.map(String).join('.')] ??= i.message;
  }
  const suite = SuiteIdSchema.safeParse(input.suiteId);
  if (!suite.success) errors['suite'] = suite.error.issues[0]!.message;
  const ok = Object.keys(errors).length === 0 && draft.success;
  return { ok, draft: draft.success ? draft.data : null, newFamily, errors };
}

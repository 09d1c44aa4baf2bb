'use client';

import type { GraderSpec } from '../../../evals/contracts/grader-spec';

export const GRADER_KINDS = ['numeric', 'text', 'exact', 'yesno', 'choice', 'set', 'list', 'symbolic'] as const;
export type GraderKindChoice = (typeof GRADER_KINDS)[number];

/** The grader's extra settings as the form keeps them (text), per kind. */
export interface GraderText {
  kind: GraderKindChoice;
  options: string;
  aliases: string;
  relTol: string;
  caseSensitive: boolean;
  variables: string;
}

export const EMPTY_GRADER: GraderText = { kind: 'numeric', options: '', aliases: '', relTol: '', caseSensitive: true, variables: '' };

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** The grader spec the form describes (validated afterwards against GraderSpecSchema, like a suite file's). */
export function graderSpecOf(g: GraderText): GraderSpec | Record<string, unknown> {
  switch (g.kind) {
    case 'choice': return { kind: 'choice', options: lines(g.options) };
    case 'text': return lines(g.aliases).length > 0 ? { kind: 'text', aliases: lines(g.aliases) } : { kind: 'text' };
    case 'numeric': return g.relTol.trim() === '' ? { kind: 'numeric' } : { kind: 'numeric', relTol: Number(g.relTol) };
    case 'exact': return g.caseSensitive ? { kind: 'exact' } : { kind: 'exact', caseSensitive: false };
    case 'symbolic': {
      const vars = g.variables.split(',').map((v) => v.trim()).filter(Boolean);
      return vars.length > 0 ? { kind: 'symbolic', variables: vars } : { kind: 'symbolic' };
    }
    default: return { kind: g.kind };
  }
}

const HELP: Record<GraderKindChoice, string> = {
  numeric: 'Numbers in any notation: 42, 1,234, 3/4, 75%, 1.2e3.',
  text: 'Normalised text: case, punctuation and articles ignored.',
  exact: 'Exact string after trimming.',
  yesno: 'Yes / no (or true / false); the answer is "yes" or "no".',
  choice: 'Multiple choice: the answer is an option letter (A, B, …).',
  set: 'Unordered items, answer written comma-separated.',
  list: 'Ordered items, answer written comma-separated.',
  symbolic: 'A math expression, equal up to symbolic equivalence.',
};

export function GraderFields({ value, onChange, error }: { value: GraderText; onChange: (g: GraderText) => void; error?: string }) {
  const set = (patch: Partial<GraderText>) => onChange({ ...value, ...patch });
  return (
    <div className="fields-row">
      <div className="field">
        <label htmlFor="pair-grader">Grader</label>
        <select id="pair-grader" value={value.kind} onChange={(e) => set({ kind: e.target.value as GraderKindChoice })} aria-describedby="pair-grader-help">
          {GRADER_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
        <p className="hint" id="pair-grader-help">{HELP[value.kind]}</p>
      </div>
      {value.kind === 'choice' ? (
        <div className="field grow">
          <label htmlFor="pair-grader-options">Options (one per line, in letter order)</label>
          <textarea id="pair-grader-options" rows={3} value={value.options} onChange={(e) => set({ options: e.target.value })} aria-invalid={Boolean(error)} />
        </div>
      ) : null}
      {value.kind === 'text' ? (
        <div className="field grow">
          <label htmlFor="pair-grader-aliases">Also accept (one per line)</label>
          <textarea id="pair-grader-aliases" rows={2} value={value.aliases} onChange={(e) => set({ aliases: e.target.value })} />
        </div>
      ) : null}
      {value.kind === 'numeric' ? (
        <div className="field">
          <label htmlFor="pair-grader-reltol">Relative tolerance</label>
          <input id="pair-grader-reltol" inputMode="decimal" placeholder="exact" value={value.relTol} onChange={(e) => set({ relTol: e.target.value })} aria-invalid={Boolean(error)} />
        </div>
      ) : null}
      {value.kind === 'exact' ? (
        <label className="check"><input type="checkbox" checked={value.caseSensitive} onChange={(e) => set({ caseSensitive: e.target.checked })} /> Case-sensitive</label>
      ) : null}
      {value.kind === 'symbolic' ? (
        <div className="field">
          <label htmlFor="pair-grader-vars">Variables (comma-separated)</label>
          <input id="pair-grader-vars" placeholder="x, y" value={value.variables} onChange={(e) => set({ variables: e.target.value })} />
        </div>
      ) : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}

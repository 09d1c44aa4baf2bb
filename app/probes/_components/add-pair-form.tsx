'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FamilySchema } from '../../../evals/contracts/family';
import { PairDraftSchema, pairFromDraft } from '../../../evals/contracts/pair-draft';
import { PairSchema } from '../../../evals/contracts/pair';
import { SuiteIdSchema } from '../../../evals/contracts/suite';
import { useTRPC } from '../../_trpc/client';
import { EMPTY_GRADER, GraderFields, graderSpecOf, type GraderText } from './grader-fields';
import { TryResults } from './try-results';

const NEW = '__new__';
const EMPTY_FAMILY = { id: '', domain: '', title: '', description: '', pairRule: '' };

/** Checks the form with the same zod contracts as suite files; returns the draft (or null) and errors by field. */
function check(input: { familyChoice: string; family: typeof EMPTY_FAMILY; key: string; easy: { prompt: string; answer: string }; hard: { prompt: string; answer: string }; grader: GraderText; suiteId: string }) {
  const errors: Record<string, string> = {};
  const isNew = input.familyChoice === NEW;
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

/** Add a probe pair: validated as you type, tried on a model (server-side), then saved into a user suite. */
export function AddPairForm({ onSaved }: { onSaved: (suiteId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const families = useQuery(trpc.suites.allFamilies.queryOptions());
  const suites = useQuery(trpc.suites.list.queryOptions());
  const models = useQuery(trpc.adminModels.list.queryOptions());
  const [suiteId, setSuiteId] = useState('my-probes');
  const [suiteTitle, setSuiteTitle] = useState('');
  const [familyChoice, setFamilyChoice] = useState('');
  const [family, setFamily] = useState(EMPTY_FAMILY);
  const [key, setKey] = useState('');
  const [easy, setEasy] = useState({ prompt: '', answer: '' });
  const [hard, setHard] = useState({ prompt: '', answer: '' });
  const [grader, setGrader] = useState<GraderText>(EMPTY_GRADER);
  const [modelId, setModelId] = useState('');
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const touch = (f: string) => setTouched((t) => new Set(t).add(f));
  const { ok, draft, newFamily, errors } = check({ familyChoice, family, key, easy, hard, grader, suiteId });
  const shown = (f: string) => (submitted || touched.has(f) ? errors[f] : undefined);
  const tryIt = useMutation(trpc.probes.try.mutationOptions());
  const save = useMutation(
    trpc.probes.save.mutationOptions({
      onSuccess: (saved) => {
        void queryClient.invalidateQueries({ queryKey: trpc.suites.pathKey() });
        setEasy({ prompt: '', answer: '' });
        setHard({ prompt: '', answer: '' });
        setKey('');
        if (familyChoice === NEW) setFamilyChoice(saved.pairId.split('#')[0]!);
        setSubmitted(false);
        setTouched(new Set());
        tryIt.reset();
        onSaved(saved.suiteId);
      },
    }),
  );
  const runnable = (models.data ?? []).filter((m) => m.baseUrl);
  const chosenModel = modelId || runnable[0]?.id || '';
  const userSuites = (suites.data ?? []).filter((s) => s.kind === 'user');
  const isExistingSuite = userSuites.some((s) => s.id === suiteId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!ok || !draft) return;
    save.mutate({ suiteId, ...(suiteTitle.trim() && !isExistingSuite ? { suiteTitle: suiteTitle.trim() } : {}), ...(newFamily ? { newFamily } : {}), draft });
  };
  const err = (f: string) => (shown(f) ? <p className="field-error" id={`err-${f.replace(/\W/g, '-')}`} role="alert">{shown(f)}</p> : null);
  const described = (f: string) => (shown(f) ? `err-${f.replace(/\W/g, '-')}` : undefined);

  return (
    <form className="card form-grid" onSubmit={submit} aria-label="Add a probe pair" data-testid="add-pair-form" noValidate>
      <div className="fields-row">
        <div className="field">
          <label htmlFor="pair-suite">Save into your suite</label>
          <input id="pair-suite" list="user-suites" value={suiteId} onChange={(e) => setSuiteId(e.target.value)} onBlur={() => touch('suite')} aria-invalid={Boolean(shown('suite'))} aria-describedby={described('suite')} />
          <datalist id="user-suites">{userSuites.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}</datalist>
          {err('suite') ?? <p className="hint">{isExistingSuite ? 'adds a new version of this suite' : 'a new suite, created on save'}</p>}
        </div>
        {!isExistingSuite ? (
          <div className="field">
            <label htmlFor="pair-suite-title">New suite title</label>
            <input id="pair-suite-title" placeholder={suiteId} value={suiteTitle} onChange={(e) => setSuiteTitle(e.target.value)} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="pair-family">Family</label>
          <select id="pair-family" value={familyChoice} onChange={(e) => { setFamilyChoice(e.target.value); touch('family'); }} aria-invalid={Boolean(shown('family'))} aria-describedby={described('family')}>
            <option value="">choose…</option>
            {(families.data ?? []).map((f) => <option key={f.id} value={f.id}>{f.id} — {f.title}</option>)}
            <option value={NEW}>+ a new family…</option>
          </select>
          {err('family') ?? (familyChoice && familyChoice !== NEW ? <p className="hint">Pair rule: {(families.data ?? []).find((f) => f.id === familyChoice)?.pairRule}</p> : null)}
        </div>
        <div className="field">
          <label htmlFor="pair-key">Pair key</label>
          <input id="pair-key" placeholder="next free (000, 001, …)" value={key} onChange={(e) => setKey(e.target.value)} onBlur={() => touch('key')} aria-invalid={Boolean(shown('key'))} aria-describedby={described('key')} />
          {err('key')}
        </div>
      </div>
      {familyChoice === NEW ? (
        <fieldset>
          <legend>New family</legend>
          <div className="fields-row">
            {([['id', 'Id (domain.skill)', 'arithmetic.doubling'], ['domain', 'Domain', 'arithmetic'], ['title', 'Title', 'Doubling']] as const).map(([f, label, ph]) => (
              <div className="field" key={f}>
                <label htmlFor={`family-${f}`}>{label}</label>
                <input id={`family-${f}`} placeholder={ph} value={family[f]} onChange={(e) => setFamily((x) => ({ ...x, [f]: e.target.value }))} onBlur={() => touch(`family.${f}`)} aria-invalid={Boolean(shown(`family.${f}`))} aria-describedby={described(`family.${f}`)} />
                {err(`family.${f}`)}
              </div>
            ))}
          </div>
          <div className="fields-row">
            {([['description', 'Description', 'What skill this family tests.'], ['pairRule', 'Pair rule', 'Why solving the hard probe needs the skill the easy one tests.']] as const).map(([f, label, ph]) => (
              <div className="field grow" key={f}>
                <label htmlFor={`family-${f}`}>{label}</label>
                <input id={`family-${f}`} placeholder={ph} value={family[f]} onChange={(e) => setFamily((x) => ({ ...x, [f]: e.target.value }))} onBlur={() => touch(`family.${f}`)} aria-invalid={Boolean(shown(`family.${f}`))} aria-describedby={described(`family.${f}`)} />
                {err(`family.${f}`)}
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="try-grid">
        {([['easy', easy, setEasy], ['hard', hard, setHard]] as const).map(([tier, value, setValue]) => (
          <fieldset key={tier}>
            <legend>{tier === 'easy' ? 'Easy probe' : 'Hard probe'}</legend>
            <div className="field">
              <label htmlFor={`${tier}-prompt`}>Prompt</label>
              <textarea id={`${tier}-prompt`} rows={4} value={value.prompt} onChange={(e) => setValue({ ...value, prompt: e.target.value })} onBlur={() => touch(`${tier}.prompt`)} aria-invalid={Boolean(shown(`${tier}.prompt`))} aria-describedby={described(`${tier}.prompt`)} />
              {err(`${tier}.prompt`)}
            </div>
            <div className="field">
              <label htmlFor={`${tier}-answer`}>Answer</label>
              <input id={`${tier}-answer`} value={value.answer} onChange={(e) => setValue({ ...value, answer: e.target.value })} onBlur={() => touch(`${tier}.answer`)} aria-invalid={Boolean(shown(`${tier}.answer`))} aria-describedby={described(`${tier}.answer`)} />
              {err(`${tier}.answer`)}
            </div>
          </fieldset>
        ))}
      </div>
      <GraderFields value={grader} onChange={(g) => { setGrader(g); touch('grader'); }} error={shown('grader')} />
      <div className="row">
        <label htmlFor="try-model">Try it on</label>
        <select id="try-model" value={chosenModel} onChange={(e) => setModelId(e.target.value)} disabled={runnable.length === 0}>
          {runnable.length === 0 ? <option value="">no model with an endpoint</option> : runnable.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
        </select>
        <button type="button" disabled={!ok || !draft || !chosenModel || tryIt.isPending} onClick={() => draft && tryIt.mutate({ modelId: chosenModel, draft })}>
          {tryIt.isPending ? 'Asking the model…' : 'Try it'}
        </button>
        <span style={{ flex: 1 }} />
        <button type="submit" className="primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save pair'}</button>
      </div>
      {submitted && !ok ? <p className="field-error" role="alert">Fix the fields marked above.</p> : null}
      {tryIt.isPending ? <div className="progress indeterminate" role="progressbar" aria-label="asking the model"><span /></div> : null}
      {tryIt.isError ? <p className="error-state" role="alert">{tryIt.error.message}</p> : null}
      {tryIt.data ? <TryResults result={tryIt.data} /> : null}
      {save.isError ? <p className="error-state" role="alert">{save.error.message}</p> : null}
      {save.data ? <p className="notice" role="status" data-testid="pair-saved">Saved <code>{save.data.pairId}</code> in suite <strong>{save.data.suiteId}</strong> ({save.data.pairs} pairs, version {save.data.version}).</p> : null}
    </form>
  );
}

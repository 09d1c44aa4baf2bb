'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../../_trpc/client';
import { checkPairForm, EMPTY_FAMILY, NEW_FAMILY } from './check-pair-form';
import type { FieldHelp } from './field-help';
import { EMPTY_GRADER, GraderFields, type GraderText } from './grader-fields';
import { NewFamilyFields } from './new-family-fields';
import { PairPlacementFields } from './pair-placement-fields';
import { ProbeFields } from './probe-fields';
import { TryResults } from './try-results';

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
  const { ok, draft, newFamily, errors } = checkPairForm({ familyChoice, family, key, easy, hard, grader, suiteId });
  const help: FieldHelp = {
    touch: (f) => setTouched((t) => new Set(t).add(f)),
    shown: (f) => (submitted || touched.has(f) ? errors[f] : undefined),
  };
  const tryIt = useMutation(trpc.probes.try.mutationOptions());
  const save = useMutation(
    trpc.probes.save.mutationOptions({
      onSuccess: (saved) => {
        void queryClient.invalidateQueries({ queryKey: trpc.suites.pathKey() });
        setEasy({ prompt: '', answer: '' });
        setHard({ prompt: '', answer: '' });
        setKey('');
        if (familyChoice === NEW_FAMILY) setFamilyChoice(saved.pairId.split('#')[0]!);
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

  return (
    <form className="card form-grid" onSubmit={submit} aria-label="Add a probe pair" data-testid="add-pair-form" noValidate>
      <PairPlacementFields
        userSuites={userSuites} families={families.data ?? []} help={help}
        suiteId={suiteId} setSuiteId={setSuiteId} suiteTitle={suiteTitle} setSuiteTitle={setSuiteTitle}
        familyChoice={familyChoice} setFamilyChoice={setFamilyChoice} pairKey={key} setPairKey={setKey}
      />
      {familyChoice === NEW_FAMILY ? <NewFamilyFields family={family} setFamily={setFamily} help={help} /> : null}
      <div className="try-grid">
        <ProbeFields tier="easy" value={easy} onChange={setEasy} help={help} />
        <ProbeFields tier="hard" value={hard} onChange={setHard} help={help} />
      </div>
      <GraderFields value={grader} onChange={(g) => { setGrader(g); help.touch('grader'); }} error={help.shown('grader')} />
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

'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../../_trpc/client';

type Issue = { file: string; line?: number; field?: string; message: string };
const issueText = (i: Issue) => `${i.file}${i.line !== undefined ? `:${i.line}` : ''}: ${i.field ? `${i.field}: ` : ''}${i.message}`;
const GRADERS = ['numeric', 'yesno', 'exact', 'text', 'set', 'list', 'symbolic'] as const;

/**
 * A paired easy/hard dataset into your suite, as `sawtooth probes import` does: two files matched by a key field
 * (e.g. math_easy.jsonl + math_hard.jsonl), or one file with both tiers per record. All or nothing.
 */
export function ImportPairedForm({ onImported }: { onImported: (suiteId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'two' | 'one'>('two');
  const [easy, setEasy] = useState<File | null>(null);
  const [hard, setHard] = useState<File | null>(null);
  const [both, setBoth] = useState<File | null>(null);
  const [f, setF] = useState({ suiteId: 'my-dataset', key: 'key', prompt: 'prompt', answer: 'answer', grader: '', family: '', template: '' });
  const importPaired = useMutation(
    trpc.suites.importPaired.mutationOptions({
      onSuccess: (r) => {
        if (!r.ok) return;
        void queryClient.invalidateQueries({ queryKey: trpc.suites.pathKey() });
        onImported(r.suiteId);
      },
    }),
  );
  const ready = f.suiteId.trim() !== '' && (mode === 'two' ? Boolean(easy && hard && f.key.trim()) : Boolean(both));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    const read = async (file: File) => ({ name: file.name, text: await file.text() });
    importPaired.mutate({
      suiteId: f.suiteId.trim(),
      ...(mode === 'two' ? { easy: await read(easy!), hard: await read(hard!) } : { both: await read(both!) }),
      ...(f.key.trim() ? { key: f.key.trim() } : {}),
      prompt: f.prompt.trim() || 'prompt',
      answer: f.answer.trim() || 'answer',
      ...(f.grader ? { grader: f.grader as (typeof GRADERS)[number] } : {}),
      ...(f.family.trim() ? { family: f.family.trim() } : {}),
      ...(f.template.trim() ? { template: f.template } : {}),
    });
  };
  const text = (name: keyof typeof f, label: string, hint?: string, placeholder?: string) => (
    <div className="field">
      <label htmlFor={`paired-${name}`}>{label}</label>
      <input id={`paired-${name}`} value={f[name]} placeholder={placeholder} onChange={(e) => setF((v) => ({ ...v, [name]: e.target.value }))} autoComplete="off" spellCheck={false} />
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
  const result = importPaired.data;
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-label="Import a paired dataset" data-testid="import-paired-form">
      <div className="row" role="group" aria-label="Dataset layout">
        <button type="button" aria-pressed={mode === 'two'} onClick={() => setMode('two')}>Two files (easy + hard, matched by key)</button>
        <button type="button" aria-pressed={mode === 'one'} onClick={() => setMode('one')}>One file with both tiers</button>
      </div>
      <div className="fields-row">
        {mode === 'two' ? (
          <>
            <div className="field">
              <label htmlFor="paired-easy">Easy file</label>
              <input id="paired-easy" type="file" accept=".jsonl,.json,.csv,.yaml,.yml" onChange={(e) => setEasy(e.target.files?.[0] ?? null)} />
            </div>
            <div className="field">
              <label htmlFor="paired-hard">Hard file</label>
              <input id="paired-hard" type="file" accept=".jsonl,.json,.csv,.yaml,.yml" onChange={(e) => setHard(e.target.files?.[0] ?? null)} />
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor="paired-both">Dataset file</label>
            <input id="paired-both" type="file" accept=".jsonl,.json,.csv,.yaml,.yml" onChange={(e) => setBoth(e.target.files?.[0] ?? null)} />
            <p className="hint">Columns easy_&lt;field&gt; and hard_&lt;field&gt;, or easy: {'{…}'} and hard: {'{…}'} per record.</p>
          </div>
        )}
        {text('suiteId', 'Into your suite')}
      </div>
      <div className="fields-row">
        {text('key', mode === 'two' ? 'Key field' : 'Key field (optional)', 'Matches an easy record with its hard one.')}
        {text('prompt', 'Prompt field', 'e.g. question')}
        {text('answer', 'Answer field', 'e.g. answer_only')}
        <div className="field">
          <label htmlFor="paired-grader">Grader</label>
          <select id="paired-grader" value={f.grader} onChange={(e) => setF((v) => ({ ...v, grader: e.target.value }))}>
            <option value="">automatic (numeric, yes/no or text)</option>
            {GRADERS.map((g) => <option key={g} value={g}>{g}</option>)}
          </select>
        </div>
      </div>
      <div className="fields-row">
        {text('family', 'Family id (optional)', 'domain.skill; empty: imported.<suite>', 'math.word-problems')}
        <div className="field grow">
          <label htmlFor="paired-template">Prompt template (optional)</label>
          <input id="paired-template" value={f.template} placeholder="{prompt} Give only the final number." onChange={(e) => setF((v) => ({ ...v, template: e.target.value }))} />
          <p className="hint">{'{prompt}'} is replaced by each prompt: an answer-format instruction written once.</p>
        </div>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={!ready || importPaired.isPending}>{importPaired.isPending ? 'Importing…' : 'Import dataset'}</button>
        <span className="ci">Same as <code>npx sawtooth probes import</code>; unused fields are kept as metadata.</span>
      </div>
      {importPaired.isError ? <p className="error-state" role="alert">{importPaired.error.message}</p> : null}
      {result?.ok ? <p className="notice" role="status" data-testid="paired-imported">Added {result.added} {result.added === 1 ? 'pair' : 'pairs'} to <strong>{result.suiteId}</strong> (now {result.pairs}).</p> : null}
      {result && result.warnings.length > 0 ? (
        <div className="notice warn" data-testid="paired-warnings">
          <p>Check {result.warnings.length === 1 ? 'this pair' : 'these pairs'}:</p>
          <ul>{result.warnings.map((w, i) => <li key={i}><code>{issueText(w)}</code></li>)}</ul>
        </div>
      ) : null}
      {result && !result.ok ? (
        <div className="error-state issues" role="alert" data-testid="paired-import-issues">
          <p>Nothing was imported: fix these and try again.</p>
          <ul>{result.issues.map((issue, i) => <li key={i}><code>{issueText(issue)}</code></li>)}</ul>
          {result.more > 0 ? <p>… and {result.more} more.</p> : null}
        </div>
      ) : null}
    </form>
  );
}

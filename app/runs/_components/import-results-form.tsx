'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../../_trpc/client';
import { uploadTooLarge } from '../../_components/upload-limit';

const FORMATS = [
  { value: '', label: 'Guess from the file name' },
  { value: 'jsonl', label: 'Generic JSONL (model, prompt or probe, response, correct or answer)' },
  { value: 'lm-eval', label: 'lm-evaluation-harness samples_<task>_*.jsonl' },
  { value: 'promptfoo', label: 'promptfoo JSON export' },
] as const;

function issueText(i: { file: string; line?: number; field?: string; message: string }): string {
  return `${i.file}${i.line !== undefined ? `:${i.line}` : ''}: ${i.field ? `${i.field}: ` : ''}${i.message}`;
}

/** Uploads a results file written by another tool; it becomes runs that chart like native ones (or a list of problems). */
export function ImportResultsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'' | 'jsonl' | 'lm-eval' | 'promptfoo'>('');
  const [modelId, setModelId] = useState('');
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const importResults = useMutation(trpc.imports.results.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() }) }));
  const needsModel = format === 'lm-eval' || (format === '' && file !== null && /^samples_.*\.jsonl$/i.test(file.name));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const text = await file.text();
    const limit = uploadTooLarge(file.name, text, `npx sawtooth import ${file.name}${format ? ` --format ${format}` : ''}${modelId.trim() ? ` --model ${modelId.trim()}` : ''}`);
    setTooLarge(limit);
    if (limit) return;
    importResults.mutate({ fileName: file.name, text, ...(format ? { format } : {}), ...(modelId.trim() ? { modelId: modelId.trim() } : {}) });
  };
  const result = importResults.data;
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-label="Import results" data-testid="import-results-form">
      <div className="fields-row">
        <div className="field">
          <label htmlFor="results-file">Results file</label>
          <input id="results-file" type="file" accept=".jsonl,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="field">
          <label htmlFor="results-format">Format</label>
          <select id="results-format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
            {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="results-model">Model id {needsModel ? '(required)' : '(optional)'}</label>
          <input id="results-model" value={modelId} placeholder={needsModel ? 'e.g. llama-3-8b' : 'when the file does not name it'} onChange={(e) => setModelId(e.target.value)} />
        </div>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={!file || importResults.isPending || (needsModel && modelId.trim() === '')}>
          {importResults.isPending ? 'Importing…' : 'Import'}
        </button>
        <span className="ci">The whole file is checked first: on any problem nothing is stored.</span>
      </div>
      {importResults.isPending ? <div className="progress indeterminate" role="progressbar" aria-label="importing"><span /></div> : null}
      {tooLarge ? <p className="error-state" role="alert" data-testid="import-too-large">{tooLarge}</p> : null}
      {importResults.isError ? <p className="error-state" role="alert">{importResults.error.message}</p> : null}
      {result && result.ok ? (
        <div className="notice" role="status" data-testid="import-results-done">
          Imported as {result.summary.runs.map((r, i) => <span key={r.runId}>{i > 0 ? ', ' : ''}<Link href={`/runs/${r.runId}`}>run #{r.runId}</Link> ({r.modelId}: {r.results} results)</span>)}.
          {' '}{result.summary.matched} matched stored probes; {result.summary.unpaired} new probes without pairs.
        </div>
      ) : null}
      {result && !result.ok ? (
        <div className="error-state issues" role="alert" data-testid="import-results-issues">
          <p>Nothing was imported: fix these and try again.</p>
          <ul>{result.issues.map((i, n) => <li key={n}><code>{issueText(i)}</code></li>)}</ul>
          {'more' in result && result.more > 0 ? <p>… and {result.more} more.</p> : null}
        </div>
      ) : null}
    </form>
  );
}

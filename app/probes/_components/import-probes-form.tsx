'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../../_trpc/client';
import { uploadTooLarge } from '../../_components/upload-limit';

/** Uploads a probe file (YAML, JSONL or CSV) into a user suite: all or nothing, every problem with its line and field. */
export function ImportProbesForm({ onImported }: { onImported: (suiteId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [suiteId, setSuiteId] = useState('my-probes');
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const importFile = useMutation(
    trpc.suites.importFile.mutationOptions({
      onSuccess: (r) => {
        if (!r.ok) return;
        void queryClient.invalidateQueries({ queryKey: trpc.suites.pathKey() });
        onImported(r.suiteId);
      },
    }),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const text = await file.text();
    const limit = uploadTooLarge(file.name, text, `npx sawtooth eval --suite ${file.name} --model <id> (the CLI reads suite files directly)`);
    setTooLarge(limit);
    if (!limit) importFile.mutate({ suiteId: suiteId.trim(), fileName: file.name, text });
  };
  const result = importFile.data;
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-label="Import a probe file" data-testid="import-probes-form">
      <div className="fields-row">
        <div className="field">
          <label htmlFor="probe-file">Probe file (.yaml, .jsonl, .csv)</label>
          <input id="probe-file" type="file" accept=".yaml,.yml,.jsonl,.csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="field">
          <label htmlFor="probe-file-suite">Into your suite</label>
          <input id="probe-file-suite" value={suiteId} onChange={(e) => setSuiteId(e.target.value)} />
        </div>
      </div>
      <p className="hint">
        CSV columns: <code>family, easy_prompt, easy_answer, hard_prompt, hard_answer, grader</code> (and optionally key, source,
        license; a new family adds domain, family_title, family_description, pair_rule). YAML and JSONL use the suite file format.
      </p>
      <div className="row">
        <button type="submit" className="primary" disabled={!file || !suiteId.trim() || importFile.isPending}>{importFile.isPending ? 'Importing…' : 'Import probes'}</button>
      </div>
      {tooLarge ? <p className="error-state" role="alert" data-testid="import-too-large">{tooLarge}</p> : null}
      {importFile.isError ? <p className="error-state" role="alert">{importFile.error.message}</p> : null}
      {result?.ok ? <p className="notice" role="status" data-testid="probes-imported">Added {result.added} pairs to <strong>{result.suiteId}</strong> (now {result.pairs} pairs, version {result.version}).</p> : null}
      {result && !result.ok ? (
        <div className="error-state issues" role="alert" data-testid="probe-import-issues">
          <p>Nothing was imported: fix these and try again.</p>
          <ul>
            {result.issues.map((i, n) => <li key={n}><code>{i.file}{i.line !== undefined ? `:${i.line}` : ''}: {i.field ? `${i.field}: ` : ''}{i.message}</code></li>)}
          </ul>
        </div>
      ) : null}
    </form>
  );
}

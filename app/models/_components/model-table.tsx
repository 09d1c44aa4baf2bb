'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmButton } from '../../_components/confirm-button';
import { archName } from '../../_components/arch-name';
import Link from 'next/link';
import { useTRPC } from '../../_trpc/client';
import { Empty, ErrorState, Loading } from '../../_components/states';
import { ConnectionResult } from './connection-result';

function TestButton({ id, model }: { id: string; model: { apiKeyEnv: string | null; baseUrl: string | null; modelName: string } }) {
  const trpc = useTRPC();
  const test = useMutation(trpc.adminModels.testConnection.mutationOptions());
  return (
    <>
      <button type="button" onClick={() => test.mutate({ id })} disabled={test.isPending} aria-label={`Test connection of ${id}`}>
        {test.isPending ? 'Testing…' : 'Test connection'}
      </button>
      {test.data ? <ConnectionResult report={test.data} model={model} /> : null}
      {test.isError ? <p className="error-state" role="alert">{test.error.message}</p> : null}
    </>
  );
}

/** Rename (display name only) and remove (with its runs and results, after a confirmation) a dashboard model. */
function TidyActions({ id, label, runs }: { id: string; label: string; runs: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState<string | null>(null);
  const done = () => void queryClient.invalidateQueries();
  const rename = useMutation(trpc.adminModels.rename.mutationOptions({ onSuccess: () => { setName(null); done(); } }));
  const remove = useMutation(trpc.adminModels.remove.mutationOptions({ onSuccess: done }));
  const error = rename.error ?? remove.error;
  return (
    <>
      {name === null ? (
        <button type="button" onClick={() => setName(label)} aria-label={`Rename ${id}`}>Rename</button>
      ) : (
        <form className="row" onSubmit={(e) => { e.preventDefault(); rename.mutate({ id, label: name }); }}>
          <input aria-label={`New name for ${id}`} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit" disabled={name.trim() === '' || rename.isPending}>Save name</button>
          <button type="button" onClick={() => setName(null)}>Cancel</button>
        </form>
      )}
      <ConfirmButton
        label="Remove"
        question={<>Remove <strong>{label}</strong>{runs > 0 ? ` with its ${runs} run${runs === 1 ? '' : 's'} and their results` : ''}?</>}
        confirmLabel={`Remove ${id}`}
        pending={remove.isPending}
        onConfirm={() => remove.mutate({ id })}
        testId={`remove-model-${id}`}
      />
      {error ? <p className="error-state left" role="alert">{error.message}</p> : null}
    </>
  );
}

/** Every model: endpoint, key variable (set or not — never its value), origin, and what can be done with it. */
export function ModelTable() {
  const trpc = useTRPC();
  const query = useQuery(trpc.adminModels.list.queryOptions());
  if (query.isPending) return <Loading what="models" />;
  if (query.isError) return <ErrorState error={query.error} />;
  if (query.data.length === 0) return <Empty>No models yet. <Link href="/models/new">Add an OpenAI-compatible endpoint</Link>.</Empty>;
  return (
    <div className="table-wrap">
      <table data-testid="models-table">
        <thead><tr><th>Model</th><th>Endpoint</th><th>API key variable</th><th>Source</th><th className="num">Runs</th><th>Actions</th></tr></thead>
        <tbody>
          {query.data.map((m) => (
            <tr key={m.id} data-model-id={m.id}>
              <td><Link href={`/models/${encodeURIComponent(m.id)}`}>{m.label}</Link><div className="ci">{m.id} · <span className={`tag arch-${m.arch}`}>{archName(m.arch)}</span></div></td>
              <td>{m.baseUrl ? <><code>{m.baseUrl}</code><div className="ci">{m.modelName}{m.reasoning ? ' · reasoning' : ''}</div></> : <span className="ci">none (imported results)</span>}</td>
              <td>{m.apiKeyEnv ? <><code>{m.apiKeyEnv}</code> <span className={m.keyVarSet ? 'outcome-pass' : 'outcome-error'}>{m.keyVarSet ? 'set' : 'not set'}</span></> : <span className="ci">none</span>}</td>
              <td>{m.origin === 'config' ? <span title="Edit sawtooth.config.json: the file is read at every start and wins">config file</span> : m.origin === 'ui' ? 'dashboard' : m.origin}</td>
              <td className="num">{m.runs}</td>
              <td>
                <div className="row actions">
                  {m.origin === 'config' ? <span className="ci">read-only: edit sawtooth.config.json</span> : <Link className="button" href={`/models/${encodeURIComponent(m.id)}/edit`}>Edit</Link>}
                  {m.baseUrl ? <TestButton id={m.id} model={m} /> : null}
                  <a className="button" href={`/api/export/results?model=${encodeURIComponent(m.id)}&format=csv`} download>CSV</a>
                  <a className="button" href={`/api/export/results?model=${encodeURIComponent(m.id)}&format=json`} download>JSON</a>
                  {m.origin === 'config' ? null : <TidyActions id={m.id} label={m.label} runs={m.runs} />}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

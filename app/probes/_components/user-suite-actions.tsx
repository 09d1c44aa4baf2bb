'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../_trpc/client';
import { ConfirmButton } from '../../_components/confirm-button';

/** Rename or remove one of your own suites (built-in suites are files in the repository). */
export function UserSuiteActions({ id, title, onRemoved }: { id: string; title: string; onRemoved: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.suites.pathKey() });
  const rename = useMutation(trpc.suites.rename.mutationOptions({ onSuccess: () => { setName(null); refresh(); } }));
  const remove = useMutation(trpc.suites.remove.mutationOptions({ onSuccess: () => { refresh(); onRemoved(); } }));
  const error = rename.error ?? remove.error;
  return (
    <div className="row" data-testid="user-suite-actions">
      <span className="ci">Your suite:</span>
      {name === null ? <button type="button" onClick={() => setName(title)}>Rename suite</button> : (
        <form className="row" onSubmit={(e) => { e.preventDefault(); rename.mutate({ id, title: name }); }}>
          <input aria-label="New suite title" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit" disabled={name.trim() === '' || rename.isPending}>Save title</button>
          <button type="button" onClick={() => setName(null)}>Cancel</button>
        </form>
      )}
      <ConfirmButton
        label="Remove suite"
        question={<>Remove <strong>{title}</strong> from the suite lists? Runs made on it keep their probes.</>}
        confirmLabel="Remove suite"
        pending={remove.isPending}
        onConfirm={() => remove.mutate({ id })}
        testId="remove-suite"
      />
      {error ? <p className="error-state left" role="alert">{error.message}</p> : null}
    </div>
  );
}

/** Removes one pair from your suite (as a new version of it), after a confirmation. */
export function RemovePairButton({ suiteId, pairId }: { suiteId: string; pairId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.suites.removePair.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.suites.pathKey() }) }));
  return (
    <>
      <ConfirmButton label="Remove" question={<>Remove pair <code>{pairId}</code>?</>} confirmLabel="Remove pair" pending={remove.isPending} onConfirm={() => remove.mutate({ id: suiteId, pairId })} />
      {remove.isError ? <p className="field-error" role="alert">{remove.error.message}</p> : null}
    </>
  );
}

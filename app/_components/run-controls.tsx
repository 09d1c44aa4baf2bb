'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { ConfirmButton } from './confirm-button';
import { useTRPC } from '../_trpc/client';

interface RunState {
  id: number;
  active: boolean;
  imported: boolean;
  expected: number;
  passCount: number;
  failCount: number;
  errorCount: number;
  refusalCount: number;
  temperature: number | null;
  samples: number;
  message: string | null;
}

/**
 * The counts, cancel / resume / retry-errors (not for imported runs), the exports, and what went wrong with the run
 * or a control; `onRestart` re-opens the live feed after a resume or retry.
 */
export function RunControls({ run, onRestart }: { run: RunState; onRestart: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cancel = useMutation(trpc.runs.cancel.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() }) }));
  const resume = useMutation(trpc.runs.resume.mutationOptions({ onSuccess: onRestart }));
  const retry = useMutation(trpc.runs.retryErrors.mutationOptions({ onSuccess: onRestart }));
  const router = useRouter();
  const remove = useMutation(trpc.runs.remove.mutationOptions({
    onSuccess: () => {
      void queryClient.invalidateQueries();
      router.push('/runs');
    },
  }));
  const controlError = cancel.error ?? resume.error ?? retry.error ?? remove.error;
  const { id, active } = run;
  const answered = run.passCount + run.failCount + run.errorCount + run.refusalCount;
  return (
    <>
      <div className="row" style={{ marginTop: 10 }}>
        <span className="outcome-pass">pass {run.passCount}</span>
        <span className="outcome-fail">fail {run.failCount}</span>
        <span className="outcome-error">error {run.errorCount}</span>
        <span className="outcome-refusal" title="The model declined (a refusal or an out-of-scope notice): counted, outside accuracy.">refused {run.refusalCount}</span>
        <span className="ci" data-testid="run-temperature">temperature {run.temperature ?? 'none sent'} · k = {run.samples}</span>
        <span style={{ flex: 1 }} />
        {run.imported ? null : (
          <>
            <button type="button" disabled={!active || cancel.isPending} onClick={() => cancel.mutate({ id })}>Cancel</button>
            <button type="button" disabled={active || resume.isPending || answered >= run.expected} onClick={() => resume.mutate({ id })}>Resume</button>
            <button type="button" disabled={active || retry.isPending || run.errorCount === 0} onClick={() => retry.mutate({ id })}>Retry errors</button>
          </>
        )}
        <a className="button" href={`/api/export/results?run=${id}&format=csv`} download>Export CSV</a>
        <a className="button" href={`/api/export/results?run=${id}&format=json`} download>Export JSON</a>
        <ConfirmButton
          label="Remove run"
          question={<>Remove run #{id} and its {answered} results?</>}
          confirmLabel="Remove run"
          disabled={active}
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ id })}
          testId="remove-run"
        />
      </div>
      {run.message && !run.imported ? <p className="error-state" role="alert">{run.message}</p> : null}
      {controlError ? <p className="error-state" role="alert">{controlError.message}</p> : null}
    </>
  );
}

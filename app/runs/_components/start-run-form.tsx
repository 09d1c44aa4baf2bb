'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../../_trpc/client';
import { ErrorState, Loading } from '../../_components/states';
import { RunEstimate } from './run-estimate';

/** Picks models × one suite with samples and temperature, and queues one run per model (the server's worker runs them). */
export function StartRunForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const models = useQuery(trpc.adminModels.list.queryOptions());
  const suites = useQuery(trpc.suites.list.queryOptions());
  const [picked, setPicked] = useState<string[]>([]);
  const [suiteId, setSuiteId] = useState('');
  const [samples, setSamples] = useState('1');
  const [temperature, setTemperature] = useState('');
  const [started, setStarted] = useState<number[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const create = useMutation(
    trpc.runs.create.mutationOptions({
      onSuccess: ({ runIds }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() });
        if (runIds.length === 1) router.push(`/runs/${runIds[0]}`);
        else setStarted(runIds);
      },
    }),
  );

  // Before any early return (hooks run in the same order every render): the same query RunEstimate shows.
  const firstSuite = suites.data?.find((s) => !s.error && s.pairs > 0)?.id ?? '';
  const estimateSamples = Number.isInteger(Number(samples)) && Number(samples) >= 1 && Number(samples) <= 100 ? Number(samples) : 1;
  const estimate = useQuery({ ...trpc.runs.estimate.queryOptions({ modelIds: picked, suiteId: suiteId || firstSuite, samples: estimateSamples }), enabled: picked.length > 0 && (suiteId || firstSuite) !== '' });
  if (models.isPending || suites.isPending) return <Loading what="models and suites" />;
  if (models.isError) return <ErrorState error={models.error} />;
  if (suites.isError) return <ErrorState error={suites.error} />;
  const runnable = models.data.filter((m) => m.baseUrl);
  const usableSuites = suites.data.filter((s) => !s.error && s.pairs > 0);
  const chosenSuite = suiteId || usableSuites[0]?.id || '';
  const samplesN = Number(samples);
  const temperatureN = temperature.trim() === '' ? undefined : Number(temperature);
  const problems = {
    models: picked.length === 0 ? 'pick at least one model' : null,
    samples: !Number.isInteger(samplesN) || samplesN < 1 || samplesN > 100 ? 'a whole number from 1 to 100' : null,
    temperature: temperatureN !== undefined && (!Number.isFinite(temperatureN) || temperatureN < 0 || temperatureN > 2) ? 'from 0 to 2, or empty for the model default' : null,
  };
  const needsConfirm = (estimate.data ?? []).some((r) => r.confirm);
  const valid = !problems.models && !problems.samples && !problems.temperature && chosenSuite !== '' && (!needsConfirm || confirmed);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    create.mutate({ modelIds: picked, suiteId: chosenSuite, samples: samplesN, ...(temperatureN !== undefined ? { temperature: temperatureN } : {}) });
  };

  if (runnable.length === 0) {
    return <p className="empty">No model with an endpoint yet: <Link href="/models/new">add a model</Link> first.</p>;
  }
  const expected = usableSuites.find((s) => s.id === chosenSuite)?.pairs ?? 0;
  return (
    <form className="card form-grid" onSubmit={submit} aria-label="Start a run" data-testid="start-run-form">
      <fieldset>
        <legend>Models</legend>
        <div className="checks">
          {runnable.map((m) => (
            <label key={m.id} className="check">
              <input
                type="checkbox"
                checked={picked.includes(m.id)}
                onChange={(e) => setPicked((p) => (e.target.checked ? [...p, m.id] : p.filter((x) => x !== m.id)))}
              />
              {m.label} <span className="ci">{m.id}</span>
            </label>
          ))}
        </div>
        {problems.models && picked.length === 0 && create.isIdle ? <p className="hint">{problems.models}</p> : null}
      </fieldset>
      <div className="fields-row">
        <div className="field">
          <label htmlFor="run-suite">Suite</label>
          <select id="run-suite" value={chosenSuite} onChange={(e) => setSuiteId(e.target.value)}>
            {usableSuites.map((s) => <option key={s.id} value={s.id}>{s.title} ({s.id}, {s.pairs} {s.pairs === 1 ? 'pair' : 'pairs'}{s.kind === 'user' ? ', yours' : ''})</option>)}
          </select>
          {usableSuites.length === 0 ? <p className="field-error">No suite yet: <Link href="/probes">add probe pairs</Link>.</p> : null}
        </div>
        <div className="field">
          <label htmlFor="run-samples">Samples per probe</label>
          <input id="run-samples" inputMode="numeric" value={samples} onChange={(e) => setSamples(e.target.value)} aria-invalid={Boolean(problems.samples)} aria-describedby="run-samples-error" />
          {problems.samples ? <p className="field-error" id="run-samples-error">{problems.samples}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="run-temperature">Temperature</label>
          <input id="run-temperature" inputMode="decimal" placeholder="model default" value={temperature} onChange={(e) => setTemperature(e.target.value)} aria-invalid={Boolean(problems.temperature)} aria-describedby="run-temperature-error" />
          {problems.temperature ? <p className="field-error" id="run-temperature-error">{problems.temperature}</p> : null}
        </div>
      </div>
      {!problems.samples && picked.length > 0 && chosenSuite ? (
        <RunEstimate modelIds={picked} suiteId={chosenSuite} samples={samplesN} confirmed={confirmed} onConfirm={setConfirmed} />
      ) : null}
      <div className="row">
        <button type="submit" className="primary" disabled={!valid || create.isPending}>
          {create.isPending ? 'Starting…' : `Start ${picked.length > 1 ? `${picked.length} runs` : 'run'}`}
        </button>
        {valid ? <span className="ci">{picked.length} × {expected * 2 * samplesN} answers</span> : null}
      </div>
      {create.isError ? <p className="error-state" role="alert">{create.error.message}</p> : null}
      {started.length > 0 ? (
        <p className="notice" role="status">Started {started.map((id, i) => <span key={id}>{i > 0 ? ', ' : ''}<Link href={`/runs/${id}`}>run #{id}</Link></span>)}.</p>
      ) : null}
    </form>
  );
}

'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type ReactNode } from 'react';
import { MODEL_ARCHS, ModelEndpointSchema, type ModelEndpoint } from '../../../evals/contracts/model-endpoint';
import { useTRPC } from '../../_trpc/client';
import { ConnectionResult } from './connection-result';
import { MODEL_PRESETS } from './presets';
import { archName } from '../../_components/arch-name';
import { endpointUrlProblem } from '../../../evals/contracts/endpoint-url';

type Text = Record<'id' | 'label' | 'baseUrl' | 'modelName' | 'apiKeyEnv' | 'temperature' | 'maxTokens' | 'systemPrompt' | 'priceInput' | 'priceOutput' | 'scope', string>;

/**
 * "algorithmic.parity, arithmetic" → the scope: words with a dot are family ids, words without are domains.
 * Empty → null (the model answers everything).
 */
function scopeOf(text: string): ModelEndpoint['scope'] {
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return null;
  const families = words.filter((w) => w.includes('.'));
  const domains = words.filter((w) => !w.includes('.'));
  return { ...(families.length > 0 ? { families } : {}), ...(domains.length > 0 ? { domains } : {}) };
}
const scopeText = (scope: ModelEndpoint['scope']) => (scope ? [...(scope.families ?? []), ...(scope.domains ?? [])].join(', ') : '');

const numberOrNull = (s: string): number | null => (s.trim() === '' ? null : Number(s));
const textOrNull = (s: string): string | null => (s.trim() === '' ? null : s);

/** The form's text as an endpoint, and its problems by field (the same schema the server checks). */
function validate(text: Text, arch: ModelEndpoint['arch'], reasoning: boolean) {
  const candidate = {
    id: text.id, label: text.label.trim() === '' ? text.id : text.label, arch, baseUrl: text.baseUrl.trim(), modelName: text.modelName,
    apiKeyEnv: textOrNull(text.apiKeyEnv), temperature: numberOrNull(text.temperature), maxTokens: numberOrNull(text.maxTokens),
    systemPrompt: textOrNull(text.systemPrompt), reasoning, priceInput: numberOrNull(text.priceInput), priceOutput: numberOrNull(text.priceOutput),
    scope: scopeOf(text.scope),
  };
  const parsed = ModelEndpointSchema.safeParse(candidate);
  const errors: Partial<Record<keyof Text, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as keyof Text;
      const raw = text[field];
      errors[field] ??= issue.code === 'invalid_type' && raw !== undefined && raw.trim() !== '' && Number.isNaN(Number(raw)) ? 'must be a number' : issue.message;
    }
  }
  return { endpoint: parsed.success ? parsed.data : null, errors };
}

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? <p className="field-error" id={`${id}-error`} role="alert">{error}</p> : hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}

/** Add or edit an OpenAI-compatible endpoint; validated as you type; "test connection" before or after saving. */
export function ModelForm({ existing }: { existing?: Omit<ModelEndpoint, 'baseUrl'> & { baseUrl: string | null; origin: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const s = (v: string | number | null | undefined) => (v == null ? '' : String(v));
  const [text, setText] = useState<Text>({
    id: s(existing?.id), label: s(existing?.label), baseUrl: s(existing?.baseUrl), modelName: s(existing?.modelName), apiKeyEnv: s(existing?.apiKeyEnv),
    temperature: s(existing?.temperature), maxTokens: s(existing?.maxTokens), systemPrompt: s(existing?.systemPrompt), priceInput: s(existing?.priceInput), priceOutput: s(existing?.priceOutput),
    scope: scopeText(existing?.scope),
  });
  const [arch, setArch] = useState<ModelEndpoint['arch']>(existing?.arch ?? 'llm');
  const [reasoning, setReasoning] = useState(existing?.reasoning ?? false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const { endpoint, errors } = validate(text, arch, reasoning);
  const shown = (f: keyof Text) => (submitted || touched.has(f) || text[f] !== '' ? errors[f] : undefined);
  const onSaved = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.adminModels.pathKey() });
    router.push('/models');
  };
  const save = useMutation(existing ? trpc.adminModels.update.mutationOptions({ onSuccess: onSaved }) : trpc.adminModels.create.mutationOptions({ onSuccess: onSaved }));
  const test = useMutation(trpc.adminModels.testConnection.mutationOptions());
  const canTest = !errors.baseUrl && !errors.modelName && !errors.apiKeyEnv && text.baseUrl !== '' && text.modelName !== '';

  const input = (f: keyof Text, props: { placeholder?: string; inputMode?: 'numeric' | 'decimal'; disabled?: boolean } = {}) => (
    <input
      id={`model-${f}`}
      name={f}
      value={text[f]}
      onChange={(e) => setText((t) => ({ ...t, [f]: e.target.value }))}
      onBlur={() => setTouched((t) => new Set(t).add(f))}
      aria-invalid={Boolean(shown(f))}
      aria-describedby={shown(f) ? `model-${f}-error` : undefined}
      autoComplete="off"
      spellCheck={false}
      {...props}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (endpoint) save.mutate(endpoint);
  };

  const urlProblem = text.baseUrl.trim() === '' || errors.baseUrl ? null : endpointUrlProblem(text.baseUrl);
  const applyPreset = (presetId: string) => {
    const preset = MODEL_PRESETS.find((p) => p.id === presetId);
    if (!preset) return;
    setText((t) => ({
      ...t,
      baseUrl: preset.baseUrl,
      apiKeyEnv: preset.apiKeyEnv,
      modelName: t.modelName === '' ? preset.exampleModel : t.modelName,
      id: t.id === '' && !existing ? `${preset.id}-${(t.modelName || preset.exampleModel).toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`.slice(0, 60) : t.id,
    }));
    setArch('llm');
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={existing ? 'Edit model' : 'Add a model'} data-testid="model-form" noValidate>
      <div className="fields-row">
        <Field id="model-preset" label="Start from a preset" hint="Fills in the base URL, the usual key variable and an example model name.">
          <select id="model-preset" defaultValue="" onChange={(e) => applyPreset(e.target.value)} data-testid="model-preset">
            <option value="">— choose a service —</option>
            {(['hosted API', 'gateway', 'local server'] as const).map((kind) => (
              <optgroup key={kind} label={kind === 'hosted API' ? 'Hosted APIs' : kind === 'gateway' ? 'Gateways' : 'Local servers'}>
                {MODEL_PRESETS.filter((p) => p.kind === kind).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </optgroup>
            ))}
          </select>
        </Field>
      </div>
      <div className="fields-row">
        <Field id="model-id" label="Id" error={shown('id')} hint="How runs and results refer to it; cannot change later.">{input('id', { placeholder: 'gpt-4o-mini', disabled: Boolean(existing) })}</Field>
        <Field id="model-label" label="Label" error={text.label.trim() === '' ? undefined : shown('label')} hint="Optional: shown in tables and charts; empty means the id.">{input('label', { placeholder: 'GPT-4o mini' })}</Field>
        <Field id="model-arch" label="Architecture">
          <select id="model-arch" value={arch} onChange={(e) => setArch(e.target.value as ModelEndpoint['arch'])}>
            {MODEL_ARCHS.map((a) => <option key={a} value={a}>{archName(a)}</option>)}
          </select>
        </Field>
      </div>
      <div className="fields-row">
        <Field
          id="model-baseUrl"
          label="Base URL"
          error={shown('baseUrl')}
          hint={urlProblem ? (
            <span className="url-warning" data-testid="url-warning">
              Check: {urlProblem.message}.{urlProblem.suggestion ? <> <button type="button" className="link-button" onClick={() => setText((t) => ({ ...t, baseUrl: urlProblem.suggestion! }))}>Use {urlProblem.suggestion}</button></> : null}
            </span>
          ) : 'Up to the version, e.g. https://api.openai.com/v1'}
        >{input('baseUrl', { placeholder: 'https://api.openai.com/v1' })}</Field>
        <Field id="model-modelName" label="Model name" error={shown('modelName')} hint="As the endpoint calls it.">{input('modelName', { placeholder: 'gpt-4o-mini' })}</Field>
        <Field id="model-apiKeyEnv" label="API key environment variable" error={shown('apiKeyEnv')} hint="The NAME of the variable, never the key. Empty for local servers.">{input('apiKeyEnv', { placeholder: 'OPENAI_API_KEY' })}</Field>
      </div>
      <div className="fields-row">
        <Field id="model-temperature" label="Temperature" error={shown('temperature')} hint="Always sent: 0 when empty (none for reasoning models).">{input('temperature', { placeholder: '0', inputMode: 'decimal' })}</Field>
        <Field id="model-maxTokens" label="Max tokens" error={shown('maxTokens')}>{input('maxTokens', { placeholder: 'endpoint default', inputMode: 'numeric' })}</Field>
        <Field id="model-priceInput" label="Price in (USD / M tokens)" error={shown('priceInput')}>{input('priceInput', { placeholder: 'optional', inputMode: 'decimal' })}</Field>
        <Field id="model-priceOutput" label="Price out (USD / M tokens)" error={shown('priceOutput')}>{input('priceOutput', { placeholder: 'optional', inputMode: 'decimal' })}</Field>
      </div>
      <Field id="model-systemPrompt" label="System prompt" error={shown('systemPrompt')}>
        <textarea id="model-systemPrompt" rows={3} value={text.systemPrompt} onChange={(e) => setText((t) => ({ ...t, systemPrompt: e.target.value }))} placeholder="optional" />
      </Field>
      <Field id="model-scope" label="Answers only (families or domains)" error={shown('scope')} hint="Optional, e.g. algorithmic.parity, algorithmic.addition or arithmetic. Other probes are never sent and show “not evaluated”.">
        {input('scope', { placeholder: 'everything' })}
      </Field>
      <label className="check">
        <input type="checkbox" checked={reasoning} onChange={(e) => setReasoning(e.target.checked)} />
        Reasoning model (sends max_completion_tokens and no temperature)
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : existing ? 'Save changes' : 'Add model'}</button>
        <button type="button" disabled={!canTest || test.isPending} onClick={() => test.mutate({ baseUrl: text.baseUrl.trim(), modelName: text.modelName, apiKeyEnv: textOrNull(text.apiKeyEnv), reasoning })}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
        {submitted && !endpoint ? <span className="field-error">Fix the fields marked above.</span> : null}
      </div>
      {test.data ? <ConnectionResult report={test.data} model={{ apiKeyEnv: textOrNull(text.apiKeyEnv), baseUrl: text.baseUrl, modelName: text.modelName }} /> : null}
      {test.isError ? <p className="error-state" role="alert">{test.error.message}</p> : null}
      {save.isError ? <p className="error-state" role="alert">{save.error.message}</p> : null}
    </form>
  );
}

'use client';

import { errorAdvice } from '../../../evals/contracts/error-advice';

export type ConnectionReport =
  | { ok: true; latencyMs: number; reply: string; note: string | null; keyVarSet: boolean }
  | { ok: false; latencyMs: number; kind: string; message: string; status: number | null; keyVarSet: boolean };

/** The outcome of "test connection": latency and reply, or the classified error with what to do about it. */
export function ConnectionResult({ report, model }: { report: ConnectionReport; model: { apiKeyEnv: string | null; baseUrl: string | null; modelName: string } }) {
  if (report.ok) {
    return (
      <div className="notice ok" role="status" data-testid="connection-ok">
        Connected in {Math.round(report.latencyMs)} ms{report.reply ? <> — replied <q>{report.reply}</q></> : null}.
        {report.note ? <div className="ci">{report.note}</div> : null}
      </div>
    );
  }
  return (
    <div className="error-state left" role="alert" data-testid="connection-error">
      <strong>{report.kind}</strong>{report.status ? ` (HTTP ${report.status})` : ''}: {report.message}
      <div>{errorAdvice(report.kind, model)}</div>
      {model.apiKeyEnv && !report.keyVarSet ? <div><code>{model.apiKeyEnv}</code> is not set in the dashboard server&apos;s environment.</div> : null}
    </div>
  );
}

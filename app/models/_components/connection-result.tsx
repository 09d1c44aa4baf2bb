'use client';

import { ERROR_ADVICE, type ErrorAdvice } from '../../../evals/contracts/error-advice';

type Checks = { keyVarSet: boolean; urlProblem: { message: string; suggestion?: string } | null; servedModels: string[] | null };
export type ConnectionReport =
  | ({ ok: true; latencyMs: number; reply: string; note: string | null } & Checks)
  | ({ ok: false; latencyMs: number; kind: string; message: string; status: number | null } & Checks);

/**
 * The outcome of "test connection": latency and reply, or one message saying what failed and what to change.
 * The server's message already names the status and the likely fix, so the kind is a small label and the generic
 * advice appears only for kinds whose message carries none (no sentence said twice).
 */
export function ConnectionResult({ report, model }: { report: ConnectionReport; model: { apiKeyEnv: string | null; baseUrl: string | null; modelName: string } }) {
  const served = report.servedModels && report.servedModels.length > 0 ? report.servedModels : null;
  if (report.ok) {
    return (
      <div className="notice ok" role="status" data-testid="connection-ok">
        Connected in {Math.round(report.latencyMs)} ms{report.reply ? <> — replied <q>{report.reply}</q></> : null}.
        {report.note ? <div className="ci">{report.note}</div> : null}
        {report.urlProblem ? <div className="ci">It answered, although the URL looks unusual: {report.urlProblem.message}.</div> : null}
      </div>
    );
  }
  const advice = (ERROR_ADVICE as Record<string, ErrorAdvice | undefined>)[report.kind];
  const carriesFix = /check|try |is the server|did you mean|set |serves:/i.test(report.message);
  return (
    <div className="error-state left" role="alert" data-testid="connection-error">
      <span className="tag">{advice?.title ?? report.kind}</span> {report.message}
      {!carriesFix && advice ? <div>{advice.advice}</div> : null}
      {model.apiKeyEnv && !report.keyVarSet ? <div><code>{model.apiKeyEnv}</code> is not set in the dashboard server&apos;s environment.</div> : null}
      {served && !report.message.includes('serves:') ? <div className="ci">This endpoint serves: {served.slice(0, 12).join(', ')}{served.length > 12 ? ', …' : ''}</div> : null}
    </div>
  );
}

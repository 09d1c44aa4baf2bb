'use client';

import { errorAdvice } from '../../../evals/contracts/error-advice';

type TryOutcome =
  | { ok: true; pass: boolean; response: string; extracted: string | null; reason: string; latencyMs: number }
  | { ok: false; kind: string; message: string; latencyMs: number };

/** Both probes' answers from "try it", graded; the model's text shown as text, never as HTML. */
export function TryResults({ result }: { result: { easy: TryOutcome; hard: TryOutcome } }) {
  return (
    <div className="try-grid" data-testid="try-results">
      {(['easy', 'hard'] as const).map((tier) => {
        const r = result[tier];
        return (
          <div key={tier} className="card" data-testid={`try-${tier}`}>
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <strong>{tier} probe</strong>
              {r.ok ? <span className={r.pass ? 'outcome-pass' : 'outcome-fail'}>{r.pass ? 'pass' : 'fail'}</span> : <span className="outcome-error">error: {r.kind}</span>}
            </div>
            {r.ok ? (
              <>
                <pre className="transcript">{r.response}</pre>
                <div className="ci">extracted: {r.extracted ?? '—'} · {r.reason} · {Math.round(r.latencyMs)} ms</div>
              </>
            ) : (
              <p className="ci">{r.message}<br />{errorAdvice(r.kind)}</p>
            )}
          </div>
        );
      })}
    </div>
  );
}

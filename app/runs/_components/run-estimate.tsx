'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../_trpc/client';

const usd = (n: number) => (n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`);
const num = (n: number) => n.toLocaleString('en');

/**
 * What the chosen runs would spend, before they start: requests, estimated tokens and cost per model (from its
 * configured prices). Reports through `onNeedsConfirm` whether a hosted run is large enough to ask first.
 */
export function RunEstimate({ modelIds, suiteId, samples, confirmed, onConfirm }: {
  modelIds: string[];
  suiteId: string;
  samples: number;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  const trpc = useTRPC();
  const estimate = useQuery({ ...trpc.runs.estimate.queryOptions({ modelIds, suiteId, samples }), enabled: modelIds.length > 0 && suiteId !== '' });
  if (modelIds.length === 0 || !estimate.data) return estimate.isError ? <p className="error-state left" role="alert">{estimate.error.message}</p> : null;
  const rows = estimate.data;
  const large = rows.filter((r) => r.confirm);
  const total = rows.reduce((sum, r) => (r.costUsd === null ? sum : sum + r.costUsd), 0);
  return (
    <div data-testid="run-estimate">
      <div className="table-wrap">
        <table className="estimate">
          <caption className="table-caption">Before you start: what these runs would send (tokens estimated at ≈4 characters each)</caption>
          <thead><tr><th>Model</th><th className="num">Requests</th><th className="num" title="Prompt tokens, counted from the suite's prompts">Tokens in</th><th className="num" title="Answer tokens: the model's mean answer so far, else its max tokens, else 256">Tokens out</th><th className="num" title="From the prices set on the Models page">Cost</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.modelId}>
                <td>{r.label}<div className="ci">{r.hosted ? 'hosted' : 'local'}</div></td>
                <td className="num">{num(r.requests)}</td>
                <td className="num">≈{num(r.promptTokens)}</td>
                <td className="num" title={r.completionBasis}>≈{num(r.completionTokens)}</td>
                <td className="num">{r.costUsd === null ? <span className="ci">{r.hosted ? 'no price set' : 'free (local)'}</span> : `≈${usd(r.costUsd)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {large.length > 0 ? (
        <label className="check notice warn" data-testid="confirm-large">
          <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} />
          {large.length === 1 ? `${large[0]!.label} is` : `${large.length} models are`} hosted and this is a large run
          ({num(large.reduce((s, r) => s + r.requests, 0))} requests{total > 0 ? `, ≈${usd(total)}` : ''}): start it anyway.
        </label>
      ) : null}
    </div>
  );
}

import { errorAdvice, type AdviceContext } from '../../evals/contracts/error-advice';

/** A run's errors counted by kind, each with the shared advice (the same words `sawtooth runs show` prints). */
export function RunErrorKinds({ errorKinds, model }: { errorKinds: ReadonlyArray<{ kind: string; n: number }>; model: AdviceContext | undefined }) {
  if (errorKinds.length === 0) return null;
  return (
    <>
      <h2>Errors by kind</h2>
      <div className="table-wrap">
        <table data-testid="error-kinds">
          <thead><tr><th>Kind</th><th className="num">Count</th><th>What to do</th></tr></thead>
          <tbody>
            {errorKinds.map((k) => (
              <tr key={k.kind}>
                <td><span className="tag">{k.kind}</span></td>
                <td className="num">{k.n}</td>
                <td>{errorAdvice(k.kind, model)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

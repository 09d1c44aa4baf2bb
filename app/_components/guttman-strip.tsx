import type { OrderedProbe } from '../../evals/metrics';

/**
 * The Guttman order as one strip of cells, easiest item first: filled = passed, empty = failed, a red mark on the
 * cells that break the order (a pass after an easier failure, or a failure before a harder pass).
 */
export function GuttmanStrip({ order }: { order: readonly OrderedProbe[] }) {
  const cell = 6;
  const perRow = 160;
  const rows = Math.ceil(order.length / perRow);
  return (
    <div className="card chart-card" data-testid="guttman-strip">
      <svg viewBox={`0 0 ${perRow * cell} ${rows * (cell + 4)}`} width="100%" role="img" aria-label={`Guttman ordering of ${order.length} items`}>
        {order.map((probe, i) => {
          const x = (i % perRow) * cell;
          const y = Math.floor(i / perRow) * (cell + 4);
          return (
            <g key={probe.id}>
              <title>{`${probe.id}: ${probe.passed ? 'passed' : 'failed'}, population pass rate ${(100 * probe.difficulty).toFixed(0)}%${probe.outOfOrder ? ' (out of order)' : ''}`}</title>
              <rect x={x + 0.5} y={y + 0.5} width={cell - 1} height={cell - 1} fill={probe.passed ? 'var(--easy)' : 'none'} stroke="var(--muted)" strokeWidth={0.5} />
              {probe.outOfOrder ? <rect x={x + 0.5} y={y + cell + 0.5} width={cell - 1} height={2} fill="var(--error)" /> : null}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

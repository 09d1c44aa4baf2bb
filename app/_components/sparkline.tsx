import { pct } from './format';
import { sparkMidline, sparkTeeth, type SparkPoint } from './sparkline-teeth';

export type { SparkPoint } from './sparkline-teeth';

/**
 * A model's sawtooth profile at thumbnail size (see sparkTeeth): one tooth per evaluated family, easy on the left,
 * hard on the right; a tooth that climbs (hard above easy) is drawn in the hard colour. Each tooth's tooltip names
 * its family and both accuracies.
 */
export function Sparkline({ points, width = 150, height = 32, label }: { points: readonly SparkPoint[]; width?: number; height?: number; label: string }) {
  if (points.length === 0) return <span className="ci">no data</span>;
  const teeth = sparkTeeth(points, width, height);
  if (teeth.length === 0) return <span className="ci">no family evaluated</span>;
  const climbing = teeth.filter((t) => t.climbs).length;
  return (
    <svg className="sparkline" data-testid="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img"
      aria-label={`Sawtooth profile of ${label}: ${teeth.length} families${climbing > 0 ? `, ${climbing} with the hard tier above the easy one` : ''}`}>
      <line x1={0} x2={width} y1={sparkMidline(height)} y2={sparkMidline(height)} stroke="var(--border)" strokeWidth={1} />
      {teeth.map((t) => (
        <path key={t.family} d={t.d} data-family={t.family} className={t.climbs ? 'tooth climbs' : 'tooth'} fill="none"
          stroke={t.climbs ? 'var(--hard)' : 'var(--accent)'} strokeWidth={t.climbs ? 2 : 1.6} strokeLinecap="round">
          <title>{`${t.family}: easy ${pct(t.easy, 0)}, hard ${pct(t.hard, 0)}`}</title>
        </path>
      ))}
    </svg>
  );
}

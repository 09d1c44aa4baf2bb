/** One point of a sparkline: accuracy (0–1, or null for no data) of one tier of one family. */
export interface SparkPoint {
  family: string;
  tier: 'easy' | 'hard';
  acc: number | null;
}

/**
 * A model's sawtooth profile at thumbnail size: the easy/hard zig-zag as a tiny inline SVG, no axes. Gaps (families
 * without data) break the line instead of joining across them, like the full chart.
 */
export function Sparkline({ points, width = 120, height = 28, label }: { points: readonly SparkPoint[]; width?: number; height?: number; label: string }) {
  if (points.length === 0) return <span className="ci">no data</span>;
  const pad = 3;
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const x = (i: number) => pad + i * step;
  const y = (acc: number) => pad + (1 - acc) * (height - 2 * pad);
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.acc === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.acc).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <svg className="sparkline" data-testid="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Sawtooth profile of ${label}`}>
      <line x1={pad} x2={width - pad} y1={y(0.5)} y2={y(0.5)} stroke="var(--border)" strokeWidth={1} />
      {segments.map((d) => <path key={d} d={d} fill="none" stroke="var(--accent)" strokeWidth={1.5} strokeLinejoin="round" />)}
      {points.map((p, i) => (p.acc === null ? null : <circle key={`${p.family}|${p.tier}`} cx={x(i)} cy={y(p.acc)} r={1.6} fill={p.tier === 'easy' ? 'var(--easy)' : 'var(--hard)'} />))}
    </svg>
  );
}

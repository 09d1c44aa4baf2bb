'use client';

import { CartesianGrid, ErrorBar, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pct } from './format';

export interface ChartPoint {
  family: string;
  domain: string;
  tier: 'easy' | 'hard';
  acc: number | null;
  lo: number | null;
  hi: number | null;
  n: number;
}

interface Datum extends ChartPoint {
  key: string;
  y: number | null;
  whisker: [number, number];
}

function toData(points: readonly ChartPoint[]): Datum[] {
  return points.map((p) => ({
    ...p,
    key: `${p.family}|${p.tier}`,
    y: p.acc == null ? null : 100 * p.acc,
    whisker: p.acc == null || p.lo == null || p.hi == null ? [0, 0] : [100 * (p.acc - p.lo), 100 * (p.hi - p.acc)],
  }));
}

/** Family label shown under each easy point: the skill part of the id ("arithmetic.fractions" → "fractions"). */
function tickLabel(key: string): string {
  const [family, tier] = key.split('|');
  return tier === 'easy' ? (family ?? '').split('.').slice(1).join('.') : '';
}

function PointTooltip({ active, payload }: { active?: boolean; payload?: Array<{ payload: Datum }> }) {
  const d = payload?.[0]?.payload;
  if (!active || !d) return null;
  return (
    <div className="card" style={{ padding: 10, fontSize: 13 }}>
      <strong>{d.family}</strong> · {d.tier}
      <div>accuracy {pct(d.acc, 1)} {d.lo != null && d.hi != null ? `(95% CI ${pct(d.lo)}–${pct(d.hi)})` : ''}</div>
      <div className="ci">n = {d.n} probes</div>
    </div>
  );
}

function TierDot(props: { cx?: number; cy?: number; payload?: Datum }) {
  const { cx, cy, payload } = props;
  if (cx == null || cy == null || !payload || payload.y == null) return null;
  const color = payload.tier === 'easy' ? 'var(--easy)' : 'var(--hard)';
  return <circle cx={cx} cy={cy} r={4.5} fill={color} stroke="var(--surface)" strokeWidth={1.5} data-tier={payload.tier} />;
}

/**
 * The sawtooth profile: families in fixed order, each an easy point then a hard point, joined into one zig-zag line.
 * Whiskers are 95% intervals. A smooth model's teeth all point down; a jagged one's flip or swing.
 */
export function SawtoothChart({ points, height = 340, name = 'accuracy' }: { points: readonly ChartPoint[]; height?: number; name?: string }) {
  const data = toData(points);
  return (
    <div className="card chart-card" data-testid="sawtooth-chart">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 48, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="key" tickFormatter={tickLabel} interval={0} angle={-35} textAnchor="end" height={60} tick={{ fontSize: 11, fill: 'var(--muted)' }} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 11, fill: 'var(--muted)' }} width={48} />
          <Tooltip content={<PointTooltip />} />
          <Line type="linear" dataKey="y" name={name} stroke="var(--accent)" strokeWidth={2} dot={<TierDot />} activeDot={{ r: 6 }} connectNulls={false} isAnimationActive={false}>
            <ErrorBar dataKey="whisker" width={3} stroke="var(--muted)" direction="y" />
          </Line>
        </LineChart>
      </ResponsiveContainer>
      <p className="legend-note">
        <span style={{ color: 'var(--easy)' }}>●</span> easy &nbsp; <span style={{ color: 'var(--hard)' }}>●</span> hard — whiskers are 95% intervals
      </p>
    </div>
  );
}

'use client';

import { useState } from 'react';
import { CartesianGrid, ErrorBar, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { familyAxis, familyLabel } from '../../evals/charts/family-axis';
import { ChartCard } from './chart-card';
import { FamilyTick } from './family-tick';
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

/** One model's line on the chart. `color` is a CSS colour (a var(--series-N) keeps it readable in both themes). */
export interface ChartSeries {
  id: string;
  name: string;
  color: string;
  points: readonly ChartPoint[];
}

const Y_AXIS_PX = 48;
const RIGHT_PX = 16;

/** Dash patterns by series, so overlapping lines and colour-blind readers can still tell the models apart. */
const SERIES_DASHES = [undefined, '7 4', '2 3', '10 3 2 3'] as const;

type Datum = { key: string; family: string; domain: string; tier: 'easy' | 'hard' } & Record<string, unknown>;

/** One row per (family, tier) in chart order (domain, family, easy then hard), with each series' value and whisker. */
function toData(series: readonly ChartSeries[]): Datum[] {
  const rows = new Map<string, Datum>();
  series.forEach((s, i) => {
    for (const p of s.points) {
      const key = `${p.family}|${p.tier}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { key, family: p.family, domain: p.domain, tier: p.tier }));
      row[`y${i}`] = p.acc == null ? null : 100 * p.acc;
      row[`w${i}`] = p.acc == null || p.lo == null || p.hi == null ? [0, 0] : [100 * (p.acc - p.lo), 100 * (p.hi - p.acc)];
      row[`p${i}`] = p;
    }
  });
  const order = (d: Datum) => `${d.domain}\u0000${d.family}\u0000${d.tier === 'easy' ? 0 : 1}`;
  return [...rows.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

function PointTooltip({ active, payload, series }: { active?: boolean; payload?: Array<{ payload: Datum }>; series: readonly ChartSeries[] }) {
  const d = payload?.[0]?.payload;
  if (!active || !d) return null;
  return (
    <div className="card chart-tooltip">
      <strong>{d.family}</strong> · {d.tier}
      {series.map((s, i) => {
        const p = d[`p${i}`] as ChartPoint | undefined;
        return (
          <div key={s.id}>
            {series.length > 1 ? <span style={{ color: s.color }}>● {s.name}: </span> : 'accuracy '}
            {p ? `${pct(p.acc, 1)}${p.lo != null && p.hi != null ? ` (95% CI ${pct(p.lo)}–${pct(p.hi)})` : ''}` : 'not answered'}
            <span className="ci"> · n = {p?.n ?? 0}</span>
          </div>
        );
      })}
    </div>
  );
}

function TierDot(props: { cx?: number; cy?: number; payload?: Datum; value?: unknown; series: number; color?: string }) {
  const { cx, cy, payload, value, series, color } = props;
  if (cx == null || cy == null || !payload || value == null) return null;
  const fill = color ?? (payload.tier === 'easy' ? 'var(--easy)' : 'var(--hard)');
  // Overlays mark the tier by shape (easy ●, hard ■) since colour names the model.
  if (color && payload.tier === 'hard') {
    return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill={fill} stroke="var(--surface)" strokeWidth={1} data-tier={payload.tier} data-series={series} />;
  }
  return <circle cx={cx} cy={cy} r={4.5} fill={fill} stroke="var(--surface)" strokeWidth={1.5} data-tier={payload.tier} data-series={series} />;
}

/** The chart itself: one zig-zag line per series, whiskers = 95% intervals. */
function ProfileChart({ series, height }: { series: readonly ChartSeries[]; height: number }) {
  const data = toData(series);
  const overlay = series.length > 1;
  // The x labels are laid out for the width the chart really has (known once it is measured): slanted on a wide
  // screen, vertical and thinned on a phone, and never past the chart's left edge.
  const [width, setWidth] = useState(0);
  const families = data.filter((d) => d.tier === 'easy').map((d) => d.family);
  const familyIndex = new Map(families.map((f, i) => [f, i]));
  const axis = familyAxis({ plotWidth: (width || 1000) - Y_AXIS_PX - RIGHT_PX, freeLeft: Y_AXIS_PX, labels: families.map(familyLabel), pointsPerFamily: 2 });
  return (
    <ResponsiveContainer width="100%" height={height} onResize={(w) => setWidth(w)}>
      <LineChart data={data} margin={{ top: 16, right: RIGHT_PX, bottom: 4, left: axis.extraLeft }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        <XAxis dataKey="key" interval={0} height={axis.height} tick={<FamilyTick layout={axis} familyIndex={familyIndex} />} stroke="var(--border)" />
        <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 11, fill: 'var(--muted)' }} width={Y_AXIS_PX} stroke="var(--border)" />
        <Tooltip content={<PointTooltip series={series} />} />
        {series.map((s, i) => (
          <Line
            key={s.id}
            type="linear"
            dataKey={`y${i}`}
            name={s.name}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={overlay ? SERIES_DASHES[i % SERIES_DASHES.length] : undefined}
            dot={<TierDot series={i} color={overlay ? s.color : undefined} />}
            activeDot={{ r: 6 }}
            connectNulls={false}
            isAnimationActive={false}
          >
            <ErrorBar dataKey={`w${i}`} width={3} stroke={overlay ? s.color : 'var(--muted)'} strokeOpacity={overlay ? 0.5 : 1} direction="y" />
          </Line>
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

/**
 * The sawtooth profile of one model: families in fixed order, each an easy point then a hard point, joined into one
 * zig-zag line. Whiskers are 95% intervals. A smooth model's teeth all point down; a jagged one's flip or swing.
 */
export function SawtoothChart({ points, height = 340, name = 'accuracy', filename = 'sawtooth' }: { points: readonly ChartPoint[]; height?: number; name?: string; filename?: string }) {
  return (
    <ChartCard testId="sawtooth-chart" howToRead="profile" filename={filename} footer={
      <p className="legend-note">
        <span style={{ color: 'var(--easy)' }}>●</span> easy &nbsp; <span style={{ color: 'var(--hard)' }}>●</span> hard — whiskers are 95% intervals
      </p>
    }>
      <ProfileChart series={[{ id: 'model', name, color: 'var(--accent)', points }]} height={height} />
    </ChartCard>
  );
}

/** Up to four models on one sawtooth chart: one line per model (colour), tier by marker shape. */
export function SawtoothOverlay({ series, height = 380, filename = 'sawtooth-compare' }: { series: readonly ChartSeries[]; height?: number; filename?: string }) {
  return (
    <ChartCard testId="compare-chart" howToRead="profile" filename={filename} legend={series.map((s) => ({ label: s.name, color: s.color }))} footer={
      <p className="legend-note" data-testid="compare-legend">
        {series.map((s) => <span key={s.id} className="legend-item"><span style={{ color: s.color }}>━●</span> {s.name}</span>)}
        <span className="ci"> · ● easy ■ hard · whiskers are 95% intervals</span>
      </p>
    }>
      <ProfileChart series={series} height={height} />
    </ChartCard>
  );
}

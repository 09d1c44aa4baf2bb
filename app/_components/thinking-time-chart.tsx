'use client';

import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { familyAxis, familyLabel } from '../../evals/charts/family-axis';
import { ChartCard } from './chart-card';
import { FamilyTick } from './family-tick';

/** evals/metrics ThinkingTime, as the tRPC procedure sends it. */
export interface ThinkingTimeRow {
  family: string;
  tier: 'easy' | 'hard';
  n: number;
  mean: number | null;
  median: number | null;
}

interface Datum {
  family: string;
  easy: number | null;
  hard: number | null;
  rows: { easy?: ThinkingTimeRow; hard?: ThinkingTimeRow };
}

function toData(rows: readonly ThinkingTimeRow[]): Datum[] {
  const byFamily = new Map<string, Datum>();
  for (const row of rows) {
    let d = byFamily.get(row.family);
    if (!d) byFamily.set(row.family, (d = { family: row.family, easy: null, hard: null, rows: {} }));
    d[row.tier] = row.mean;
    d.rows[row.tier] = row;
  }
  return [...byFamily.values()];
}

const Y_AXIS_PX = 48;
const RIGHT_PX = 16;

const fmt = (x: number | null | undefined) => (x == null ? 'n/a' : x.toFixed(1));

function TicksTooltip({ active, payload }: { active?: boolean; payload?: Array<{ payload: Datum }> }) {
  const d = payload?.[0]?.payload;
  if (!active || !d) return null;
  return (
    <div className="card chart-tooltip">
      <strong>{d.family}</strong>
      {(['easy', 'hard'] as const).map((tier) => (
        <div key={tier}>
          <span style={{ color: tier === 'easy' ? 'var(--easy)' : 'var(--hard)' }}>●</span> {tier}: mean {fmt(d.rows[tier]?.mean)} ticks,
          median {fmt(d.rows[tier]?.median)} <span className="ci">(n = {d.rows[tier]?.n ?? 0})</span>
        </div>
      ))}
    </div>
  );
}

/** Mean ticks used on easy vs hard probes, per family: does the model think longer when the probe is harder? */
export function ThinkingTimeChart({ rows, filename }: { rows: readonly ThinkingTimeRow[]; filename: string }) {
  const data = toData(rows);
  // The family labels share the profile charts' layout, for the width the chart really has (known once measured):
  // slanted on a wide screen, vertical and thinned on a phone, never past the chart's left edge.
  const [width, setWidth] = useState(0);
  const familyIndex = new Map(data.map((d, i) => [d.family, i]));
  const axis = familyAxis({ plotWidth: (width || 1000) - Y_AXIS_PX - RIGHT_PX, freeLeft: Y_AXIS_PX, labels: data.map((d) => familyLabel(d.family)), scale: 'band' });
  return (
    <ChartCard testId="thinking-time-chart" howToRead="thinking-time" filename={filename} legend={[{ label: 'easy', color: 'var(--easy)' }, { label: 'hard', color: 'var(--hard)' }]}
      footer={<p className="legend-note">Bars are mean internal ticks per answer; the tooltip adds the median and n.</p>}>
      <ResponsiveContainer width="100%" height={240 + axis.height} onResize={(w) => setWidth(w)}>
        <BarChart data={data} margin={{ top: 16, right: RIGHT_PX, bottom: 4, left: axis.extraLeft }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="family" interval={0} height={axis.height} tick={<FamilyTick layout={axis} familyIndex={familyIndex} per="family" />} stroke="var(--border)" />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: 'var(--muted)' }} width={Y_AXIS_PX} stroke="var(--border)" label={{ value: 'ticks', angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 11 }} />
          <Tooltip content={<TicksTooltip />} cursor={{ fill: 'var(--surface-2)' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} verticalAlign="top" />
          <Bar dataKey="easy" name="easy" fill="var(--easy)" isAnimationActive={false} />
          <Bar dataKey="hard" name="hard" fill="var(--hard)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

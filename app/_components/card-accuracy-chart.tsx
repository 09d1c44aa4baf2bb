'use client';

import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CheckpointCard } from '../../evals/contracts/checkpoint-card';
import { ChartCard } from './chart-card';
import { accuracyByLength, type AccuracyByLengthPoint } from './checkpoint-card-data';
import { pct } from './format';

const axis = { tick: { fontSize: 11, fill: 'var(--muted)' }, stroke: 'var(--border)' } as const;
const HELD_OUT = 'var(--easy)';
const SEEN = 'var(--muted)';

function LengthTooltip({ active, payload, unit }: { active?: boolean; payload?: Array<{ payload: AccuracyByLengthPoint }>; unit: string }) {
  const d = payload?.[0]?.payload;
  if (!active || !d) return null;
  return (
    <div className="card chart-tooltip">
      <strong>{d.length} {unit}</strong> <span className="ci">{d.heldOut ? 'held out of training' : 'seen in training'}</span>
      <div>accuracy {pct(d.accuracy, 1)} <span className="ci">(95% CI {pct(d.low, 1)}–{pct(d.high, 1)}, n = {d.n})</span></div>
    </div>
  );
}

/**
 * Test-split accuracy per input length from the checkpoint's card, every architecture alike. Lengths too short to
 * hold inputs out (training saw all of them) are drawn grey: they measure fit, not generalisation.
 */
export function CardAccuracyChart({ card, filename }: { card: CheckpointCard; filename: string }) {
  const data = accuracyByLength(card);
  const seen = data.some((d) => !d.heldOut);
  return (
    <ChartCard testId="card-accuracy-chart" howToRead="training-card" filename={filename}
      legend={[{ label: 'held out of training', color: HELD_OUT }, ...(seen ? [{ label: 'seen in training', color: SEEN }] : [])]}
      footer={<p className="legend-note">Accuracy on the test split per input length; bars are 95% intervals{seen ? '; grey lengths have too few inputs to hold any out, so training saw them' : ''}.</p>}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 12, right: 16, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="length" {...axis} label={{ value: `input length (${card.lengthUnit})`, position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 11 }} />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => pct(v)} width={56} {...axis} label={{ value: 'accuracy', angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 11 }} />
          <Tooltip content={<LengthTooltip unit={card.lengthUnit} />} cursor={{ fill: 'var(--surface-2)' }} />
          <Bar dataKey="accuracy" isAnimationActive={false}>
            {data.map((d) => <Cell key={d.length} fill={d.heldOut ? HELD_OUT : SEEN} />)}
            <ErrorBar dataKey="error" width={4} stroke="var(--text)" direction="y" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

'use client';

import { Area, CartesianGrid, ComposedChart, ErrorBar, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CardThinkingTime, CheckpointCard } from '../../evals/contracts/checkpoint-card';
import { ChartCard } from './chart-card';
import { accuracyByTicks, ticksByLength, type AccuracyByTicksPoint, type TicksByLengthPoint } from './checkpoint-card-data';
import { num, pct } from './format';

const axis = { tick: { fontSize: 11, fill: 'var(--muted)' }, stroke: 'var(--border)' } as const;

function AccuracyTooltip({ active, payload }: { active?: boolean; payload?: Array<{ payload: AccuracyByTicksPoint }> }) {
  const d = payload?.[0]?.payload;
  if (!active || !d) return null;
  return (
    <div className="card chart-tooltip">
      <strong>stopped after {d.ticks} tick{d.ticks === 1 ? '' : 's'}</strong>
      <div>accuracy {pct(d.accuracy, 1)} <span className="ci">(95% CI {pct(d.band[0], 1)}–{pct(d.band[1], 1)}, n = {d.n})</span></div>
    </div>
  );
}

function TicksTooltip({ active, payload, unit }: { active?: boolean; payload?: Array<{ payload: TicksByLengthPoint }>; unit: string }) {
  const d = payload?.[0]?.payload;
  if (!active || !d) return null;
  return (
    <div className="card chart-tooltip">
      <strong>{d.length} {unit}</strong>
      <div>{num(d.mean, 1)} ticks used <span className="ci">(95% CI {num(d.low, 1)}–{num(d.high, 1)}, n = {d.n})</span></div>
    </div>
  );
}

/** Accuracy on unseen inputs if the CTM is stopped after k ticks, with the 95% band: does thinking longer pay? */
export function AccuracyByTicksChart({ thinking, filename }: { thinking: CardThinkingTime; filename: string }) {
  const data = accuracyByTicks(thinking);
  return (
    <ChartCard testId="thinking-accuracy-chart" howToRead="thinking-unseen" filename={filename}
      legend={[{ label: 'accuracy', color: 'var(--easy)' }, { label: '95% band', color: 'var(--easy)' }]}
      footer={<p className="legend-note">Accuracy if the model answers after k ticks (by its own rule among those ticks); the shaded band is the 95% interval.</p>}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 12, right: 16, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="ticks" type="number" domain={[1, data.at(-1)?.ticks ?? 1]} allowDecimals={false} {...axis}
            label={{ value: 'ticks run (k)', position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 11 }} />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => pct(v)} width={56} {...axis} label={{ value: 'accuracy', angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 11 }} />
          <Tooltip content={<AccuracyTooltip />} />
          <Area dataKey="band" stroke="none" fill="var(--easy)" fillOpacity={0.18} isAnimationActive={false} activeDot={false} />
          <Line dataKey="accuracy" stroke="var(--easy)" strokeWidth={2} dot={{ r: 2.5 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Mean ticks used under adaptive halting per held-out input length, with 95% intervals: does it think longer on longer inputs? */
export function TicksByLengthChart({ card, thinking, filename }: { card: CheckpointCard; thinking: CardThinkingTime; filename: string }) {
  const data = ticksByLength(thinking);
  return (
    <ChartCard testId="thinking-ticks-chart" howToRead="thinking-unseen" filename={filename} legend={[{ label: 'mean ticks used (95% CI)', color: 'var(--accent)' }]}
      footer={<p className="legend-note">Ticks the model thinks before its certainty reaches {thinking.threshold} (or it runs out of its {card.ticks} ticks), per input length; bars are 95% intervals.</p>}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 12, right: 16, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="length" {...axis} label={{ value: `input length (${card.lengthUnit})`, position: 'insideBottom', offset: -12, fill: 'var(--muted)', fontSize: 11 }} />
          <YAxis domain={[0, card.ticks]} allowDecimals={false} width={48} {...axis} label={{ value: 'ticks', angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 11 }} />
          <Tooltip content={<TicksTooltip unit={card.lengthUnit} />} />
          <Line dataKey="mean" stroke="var(--accent)" strokeWidth={0} dot={{ r: 3.5, fill: 'var(--accent)' }} isAnimationActive={false}>
            <ErrorBar dataKey="error" width={6} stroke="var(--accent)" direction="y" />
          </Line>
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Ticks used on the answers it got right and on those it got wrong: two numbers with their intervals. */
export function TicksByCorrectness({ thinking }: { thinking: CardThinkingTime }) {
  const { correct, wrong } = thinking.ticksUsedByCorrectness;
  const stat = (label: string, m: typeof correct, testId: string) => (
    <div className="card stat" data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value">{m.n === 0 ? 'n/a' : `${num(m.mean, 1)} ticks`}</div>
      <div className="note">{m.n === 0 ? 'no such answer' : `95% CI ${num(m.low, 2)}–${num(m.high, 2)} · n ${m.n.toLocaleString('en-US')}`}</div>
    </div>
  );
  return (
    <div className="stats" data-testid="thinking-correctness">
      {stat('Ticks used, right answers', correct, 'ticks-right')}
      {stat('Ticks used, wrong answers', wrong, 'ticks-wrong')}
    </div>
  );
}

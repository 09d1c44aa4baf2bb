'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { CheckpointCard } from '../../evals/contracts/checkpoint-card';
import { useTRPC } from '../_trpc/client';
import { CardAccuracyChart } from './card-accuracy-chart';
import { defaultCard, lengthRange, showsThinking, thinkingCaption } from './checkpoint-card-data';
import { pct } from './format';
import { ErrorState, Loading } from './states';
import { AccuracyByTicksChart, TicksByCorrectness, TicksByLengthChart } from './thinking-unseen-charts';

type Arch = 'llm' | 'ctm' | 'transformer' | 'lstm';

const headingFor = (arch: Arch) =>
  arch === 'ctm' ? 'Thinking time on unseen inputs' : arch === 'llm' ? 'Training card' : 'Accuracy by input length (training card)';

/** The CTM's thinking-time charts of one card: accuracy by ticks, ticks by length, ticks on right vs wrong answers. */
function ThinkingPanels({ card }: { card: CheckpointCard }) {
  if (!showsThinking(card)) return null;
  const thinking = card.evaluation.thinking;
  return (
    <>
      <p className="subtitle" data-testid="thinking-caption">{thinkingCaption(card, thinking)}</p>
      <div className="chart-pair">
        <AccuracyByTicksChart thinking={thinking} filename={`${card.checkpoint}-accuracy-by-ticks`} />
        <TicksByLengthChart card={card} thinking={thinking} filename={`${card.checkpoint}-ticks-by-length`} />
      </div>
      <TicksByCorrectness thinking={thinking} />
    </>
  );
}

function CardFigures({ card }: { card: CheckpointCard }) {
  const heldOut = card.evaluation.byLength.filter((l) => l.heldOut).map((l) => l.length);
  const thinks = showsThinking(card);
  return (
    <>
      {thinks ? <ThinkingPanels card={card} /> : null}
      {thinks ? <h3>Accuracy by input length (test split)</h3> : null}
      <p className="subtitle" data-testid="card-accuracy-caption">
        {card.checkpoint}: test split, mean accuracy over lengths {pct(card.evaluation.meanAccuracy, 1)};{' '}
        {heldOut.length > 0 ? `lengths ${lengthRange(heldOut)} ${card.lengthUnit} held out of training` : 'no length could be held out of training'}.
        {card.answerRule === 'last-tick'
          ? card.ticks === 1
            ? ' It answers in a single step, so it has no thinking time to vary.'
            : ` It always answers at its last tick (of ${card.ticks}), so it has no adaptive thinking time to show.`
          : ''}
      </p>
      <CardAccuracyChart card={card} filename={`${card.checkpoint}-accuracy-by-length`} />
      <details className="card-overlap">
        <summary>What training saw, and how it was run</summary>
        <ul>{card.overlap.map((line) => <li key={line}>{line}</li>)}</ul>
        <p className="ci"><code>{card.command}</code></p>
      </details>
    </>
  );
}

/**
 * A local model's training card, fetched from its checkpoint server through tRPC: for the CTM, thinking time on
 * inputs held out of training; for every local model, test-split accuracy by input length. A hosted model or a
 * checkpoint server that is down is one line, never an error.
 */
export function CheckpointCardSection({ modelId, arch }: { modelId: string; arch: Arch }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.models.checkpointCards.queryOptions({ id: modelId }));
  const [picked, setPicked] = useState<string | null>(null);
  const heading = <h2>{headingFor(arch)}</h2>;
  if (query.isPending) return <>{heading}<Loading what="training card" /></>;
  if (query.isError) return <>{heading}<ErrorState error={query.error} /></>;
  const view = query.data;
  if (view.status !== 'ok') return <section data-testid="checkpoint-card">{heading}<p className="subtitle" data-testid="checkpoint-card-note">{view.message}</p></section>;
  const usable = view.cards.filter((c) => c.card !== null);
  const problems = view.cards.filter((c) => c.problem !== null);
  const chosen = usable.find((c) => c.checkpoint === picked) ?? usable.find((c) => c.checkpoint === defaultCard(view.cards));
  return (
    <section data-testid="checkpoint-card">
      {heading}
      {usable.length > 1 ? (
        <div className="toolbar">
          <label>
            Checkpoint{' '}
            <select value={chosen?.checkpoint} onChange={(e) => setPicked(e.target.value)} data-testid="card-checkpoint">
              {usable.map((c) => <option key={c.checkpoint} value={c.checkpoint}>{c.card!.task} ({c.checkpoint})</option>)}
            </select>
          </label>
          <Link href="/how-to-read#thinking-unseen" className="ci">How to read this</Link>
        </div>
      ) : null}
      {problems.length > 0 ? <p className="subtitle" data-testid="card-problems">No card for: {problems.map((c) => c.problem).join('; ')}.</p> : null}
      {chosen?.card ? <CardFigures key={chosen.checkpoint} card={chosen.card} /> : <p className="subtitle" data-testid="checkpoint-card-note">None of this model&apos;s checkpoints has a readable card.</p>}
    </section>
  );
}

'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../_trpc/client';
import { pct } from './format';
import { Pager } from './pager';
import { Empty, ErrorState, Loading } from './states';
import { Transcript } from './transcript';

const PAGE = 10;

/** The evidence behind J: pairs whose hard probe was solved more often than the easy one, transcripts side by side. */
export function JaggedPairs({ modelId, suite, runs }: { modelId: string; suite: string; runs?: number[] }) {
  const trpc = useTRPC();
  const [family, setFamily] = useState<string | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const query = useQuery({ ...trpc.models.jaggedPairs.queryOptions({ id: modelId, suite, runs, family, limit: PAGE, offset }), placeholderData: keepPreviousData });
  if (query.isPending) return <Loading what="jagged pairs" />;
  if (query.isError) return <ErrorState error={query.error} />;
  const { total, families, items } = query.data;
  if (total === 0 && !family) return <Empty>No jagged pairs: on every pair, the easy probe was solved at least as often as the hard one.</Empty>;
  return (
    <div data-testid="jagged-pairs">
      <div className="toolbar">
        <label>
          Family{' '}
          <select value={family ?? ''} onChange={(e) => { setFamily(e.target.value || undefined); setOffset(0); }} data-testid="jagged-family">
            <option value="">All families ({families.reduce((n, f) => n + f.n, 0)})</option>
            {families.map((f) => <option key={f.id} value={f.id}>{f.id} ({f.n})</option>)}
          </select>
        </label>
        <span style={{ flex: 1 }} />
        <Pager offset={offset} limit={PAGE} total={total} onChange={setOffset} label="Jagged pairs" />
      </div>
      {items.map((pair) => (
        <article key={pair.pairId} className="card jagged-pair" data-testid="jagged-pair">
          <header className="row">
            <strong>{pair.pairId}</strong>
            <span className="ci">{pair.domain}</span>
            <span style={{ flex: 1 }} />
            <span>p(easy) <strong className="outcome-fail">{pct(pair.easy.p)}</strong> &lt; p(hard) <strong className="outcome-pass">{pct(pair.hard.p)}</strong></span>
          </header>
          <div className="side-by-side">
            <Transcript title="Easy" prompt={pair.easy.prompt} answer={pair.easy.answer} transcript={pair.easy.transcript}
              note={`${pair.easy.counts.pass}/${pair.easy.counts.pass + pair.easy.counts.fail} passed`} />
            <Transcript title="Hard" prompt={pair.hard.prompt} answer={pair.hard.answer} transcript={pair.hard.transcript}
              note={`${pair.hard.counts.pass}/${pair.hard.counts.pass + pair.hard.counts.fail} passed`} />
          </div>
        </article>
      ))}
    </div>
  );
}

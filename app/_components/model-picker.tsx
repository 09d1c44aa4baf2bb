'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../_trpc/client';
import { MAX_COMPARED } from './compare-url';
import { seriesColors } from '../../evals/charts/series-colors';

/** The compared models as removable chips (the first is the reference), and a picker to add one more. */
export function ModelPicker({ selected, onChange }: { selected: readonly string[]; onChange: (models: string[]) => void }) {
  const trpc = useTRPC();
  const models = useQuery(trpc.models.list.queryOptions());
  const [adding, setAdding] = useState('');
  const labelOf = (id: string) => models.data?.find((m) => m.id === id)?.label ?? id;
  const available = (models.data ?? []).filter((m) => !selected.includes(m.id));
  const colors = seriesColors(selected);
  return (
    <div className="toolbar model-picker" data-testid="model-picker">
      <ul className="chips" aria-label="Compared models">
        {selected.map((id, i) => (
          <li key={id} className="chip">
            <span style={{ color: colors.get(id) }} aria-hidden="true">●</span> {labelOf(id)}
            {i === 0 ? <span className="ci"> (reference)</span> : (
              <button type="button" className="link-button" onClick={() => onChange([id, ...selected.filter((m) => m !== id)])} aria-label={`Make ${labelOf(id)} the reference`}>make reference</button>
            )}
            <button type="button" className="chip-remove" onClick={() => onChange(selected.filter((m) => m !== id))} aria-label={`Remove ${labelOf(id)}`}>×</button>
          </li>
        ))}
      </ul>
      {selected.length < MAX_COMPARED ? (
        <form className="row" onSubmit={(e) => { e.preventDefault(); if (adding) { onChange([...selected, adding]); setAdding(''); } }}>
          <label>
            <span className="visually-hidden">Model to add</span>
            <select value={adding} onChange={(e) => setAdding(e.target.value)} data-testid="add-model-select" disabled={models.isPending}>
              <option value="">{models.isPending ? 'Loading models…' : 'Add a model…'}</option>
              {available.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            </select>
          </label>
          <button type="submit" disabled={!adding}>Add</button>
        </form>
      ) : <span className="ci">{MAX_COMPARED} models at most</span>}
    </div>
  );
}

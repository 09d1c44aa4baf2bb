/** Previous / next for a server-paged list, with "a–b of n". */
export function Pager({ offset, limit, total, onChange, label }: { offset: number; limit: number; total: number; onChange: (offset: number) => void; label: string }) {
  if (total === 0) return null;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="row pager" aria-label={`${label} pages`}>
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>← Previous</button>
      <span className="ci" aria-live="polite" data-testid="pager-status">{offset + 1}–{last} of {total}</span>
      <button type="button" disabled={last >= total} onClick={() => onChange(offset + limit)}>Next →</button>
    </nav>
  );
}

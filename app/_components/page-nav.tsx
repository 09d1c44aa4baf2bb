'use client';

/** "21–40 of 132" with Previous / Next buttons, for lists paged on the server. */
export function PageNav({ offset, limit, total, onChange, label }: { offset: number; limit: number; total: number; onChange: (offset: number) => void; label: string }) {
  if (total <= limit && offset === 0) return null;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="row page-nav" aria-label={label}>
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>Previous</button>
      <span aria-live="polite">{total === 0 ? 0 : offset + 1}–{last} of {total}</span>
      <button type="button" disabled={last >= total} onClick={() => onChange(offset + limit)}>Next</button>
    </nav>
  );
}

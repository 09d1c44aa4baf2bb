import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return <div className="loading" role="status" aria-live="polite">Loading {what}…</div>;
}

export function ErrorState({ error }: { error: { message: string } }) {
  return <div className="error-state" role="alert">Could not load: {error.message}</div>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

'use client';

import { useState, type ReactNode } from 'react';

/**
 * A destructive action behind a second, explicit click: the first shows what will happen and two buttons, so a
 * stray click never deletes anything (no browser dialog, which tests and screen readers handle badly).
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, pending, disabled, testId }: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  disabled?: boolean;
  testId?: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return <button type="button" className="danger" disabled={disabled || pending} onClick={() => setAsking(true)} data-testid={testId}>{pending ? 'Working…' : label}</button>;
  }
  return (
    <span className="confirm" role="alertdialog" aria-label={confirmLabel} data-testid={testId ? `${testId}-confirm` : undefined}>
      <span>{question}</span>
      <button type="button" className="danger" onClick={() => { setAsking(false); onConfirm(); }}>{confirmLabel}</button>
      <button type="button" onClick={() => setAsking(false)}>Keep it</button>
    </span>
  );
}

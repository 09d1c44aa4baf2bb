'use client';

import { useEffect, useState } from 'react';
import { THEME_STORAGE_KEY } from './theme-boot';

export type ThemeChoice = 'system' | 'light' | 'dark';
const CHOICES: ThemeChoice[] = ['system', 'light', 'dark'];

function apply(choice: ThemeChoice): void {
  if (choice === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', choice);
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // storage disabled (private mode): the choice lasts for this page only
  }
}

/** System / light / dark, as three radio-like buttons in the header. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>('system');
  useEffect(() => {
    const stored = document.documentElement.getAttribute('data-theme');
    // Read after mount only: the server cannot know the stored choice, and the first render must match it.
    if (stored === 'light' || stored === 'dark') setChoice(stored);
  }, []);
  return (
    <div className="theme-toggle" role="group" aria-label="Colour theme">
      {CHOICES.map((c) => (
        <button key={c} type="button" aria-pressed={choice === c} onClick={() => { apply(c); setChoice(c); }} data-testid={`theme-${c === 'system' ? 'auto' : c}`}>
          {c === 'system' ? 'Auto' : c === 'light' ? 'Light' : 'Dark'}
        </button>
      ))}
    </div>
  );
}

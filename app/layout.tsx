import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOut } from './_components/sign-out';
import { THEME_BOOT_SCRIPT } from './_components/theme-boot';
import { ThemeToggle } from './_components/theme-toggle';
import { TRPCReactProvider } from './_trpc/client';
import './globals.css';

export const metadata: Metadata = {
  title: 'Sawtooth — where is your model uneven?',
  description: 'Paired easy/hard probes, charted as sawtooth profiles.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Applies the stored theme before the first paint (no flash); suppressHydrationWarning covers its attribute. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <Link href="/" className="brand" aria-label="Sawtooth home">
            <svg viewBox="0 0 32 32" width="22" height="22" aria-hidden="true">
              <path d="M3 24 L9 9 L13 20 L18 7 L22 21 L29 11" fill="none" stroke="currentColor" strokeWidth="3" strokeLinejoin="round" strokeLinecap="round" />
            </svg>
            Sawtooth
          </Link>
          <nav aria-label="Main">
            <Link href="/">Leaderboard</Link>
            <Link href="/runs">Runs</Link>
            <Link href="/probes">Probes</Link>
            <Link href="/models">Models</Link>
            <Link href="/compare">Compare</Link>
            <Link href="/how-to-read">How to read</Link>
          </nav>
          <ThemeToggle />
          <SignOut />
        </header>
        <TRPCReactProvider>
          <main id="main">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}

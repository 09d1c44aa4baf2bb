import Link from 'next/link';
import { Suspense } from 'react';
import { Leaderboard } from './_components/leaderboard';
import { Loading } from './_components/states';

export const metadata = { title: 'Leaderboard — Sawtooth' };

export default function HomePage() {
  return (
    <>
      <h1>Leaderboard</h1>
      <p className="subtitle">
        Each model on one suite (default core), from its latest completed run there: easy and hard accuracy with their
        chance floors, and the inversion rate J with its interval. Models whose intervals overlap share a rank.{' '}
        <Link href="/how-to-read">How to read this</Link>
      </p>
      <Suspense fallback={<Loading what="models" />}>
        <Leaderboard />
      </Suspense>
    </>
  );
}

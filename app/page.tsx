import { Leaderboard } from './_components/leaderboard';

export default function HomePage() {
  return (
    <>
      <h1>Leaderboard</h1>
      <p className="subtitle">
        Jaggedness J: of the hard probes a model solves, the share whose easy twin it failed. 0 is smooth; higher is jagged.
      </p>
      <Leaderboard />
    </>
  );
}

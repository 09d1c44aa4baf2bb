/** One look at a run's progress: how many answers were stored at a moment (ms). */
export interface ProgressSample {
  at: number;
  done: number;
}

/**
 * Milliseconds left for a run, from the pace observed between the first and the latest sample (so a resumed run is
 * timed from when we started watching, not from its first start). Null until there is a pace to go by.
 */
export function estimateRemainingMs(first: ProgressSample | undefined, latest: ProgressSample | undefined, expected: number): number | null {
  if (!first || !latest) return null;
  const answered = latest.done - first.done;
  const elapsed = latest.at - first.at;
  if (answered <= 0 || elapsed <= 0) return null;
  const remaining = Math.max(0, expected - latest.done);
  return (remaining * elapsed) / answered;
}

/** "about 3 min", "about 40 s", "under 5 s". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 5) return 'under 5 s';
  if (s < 90) return `about ${s} s`;
  const min = Math.round(s / 60);
  if (min < 90) return `about ${min} min`;
  return `about ${(min / 60).toFixed(1)} h`;
}

/**
 * The most events inside any half-open window [t, t + windowMs) of a list of times: what a rate guarantee of "at most
 * L starts in any window of W ms" is checked against (the budget's own tests, the test server's request log).
 */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

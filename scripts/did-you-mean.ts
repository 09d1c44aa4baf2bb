/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours: "evl" → "eval", "suiet" → "suite"). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known word a typo most likely meant, or undefined when none is close: a prefix ("--suit" → "--suite") or
 * within about a third of the word's length in edits.
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of known) {
    const score = candidate.startsWith(lower) && lower.length >= 2 ? 0.5 : distance(lower, candidate);
    if (score <= Math.max(1, Math.floor(candidate.length / 3)) && (!best || score < best.score)) best = { candidate, score };
  }
  return best?.candidate;
}

/** ' (did you mean "eval"?)' or '' — to append to an "unknown …" message. */
export function didYouMean(word: string, known: readonly string[], prefix = ''): string {
  const guess = closest(word, known);
  return guess ? ` (did you mean "${prefix}${guess}"?)` : '';
}

/** An estimate with its interval, as the leaderboard ranks it. */
export interface RankedEstimate {
  value: number | null;
  lo: number | null;
  hi: number | null;
}

/**
 * Ranks estimates from highest to lowest, with ties within noise: walking down the sorted list, a row joins the
 * current tie group while its interval reaches the lower bound of the group's first row (hi ≥ lo of the leader), so
 * rows whose intervals overlap the leader's share its rank; the next row that does not starts a new group with the
 * competition rank (1, 1, 3, …). Rows without a value come last, unranked (null). Returns ranks in input order.
 */
export function rankWithinNoise(rows: readonly RankedEstimate[]): Array<number | null> {
  const order = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.value !== null)
    .sort((a, b) => b.row.value! - a.row.value! || a.index - b.index);
  const ranks = new Array<number | null>(rows.length).fill(null);
  let leader: RankedEstimate | null = null;
  let leaderRank = 0;
  order.forEach(({ row, index }, position) => {
    const leaderLo = leader?.lo ?? leader?.value ?? null;
    const tied = leader !== null && leaderLo !== null && (row.hi ?? row.value!) >= leaderLo;
    if (!tied) {
      leader = row;
      leaderRank = position + 1;
    }
    ranks[index] = leaderRank;
  });
  return ranks;
}

import { mcnemarExact } from './mcnemar';

/**
 * McNemar's test clustered by pair: the two probes of a pair are not independent (a model that knows a skill tends
 * to pass both), so the unit of the test is the pair, not the probe. Each pair j contributes d_j = c_j − b_j, its
 * probes B passed and A failed minus the reverse (−2..2 with two probes; a pair where each model wins one probe
 * nets to 0 and carries no evidence). Under H0 (A and B exchangeable within
 * each pair) every d_j is as likely to have either sign, so the exact two-sided p is the share of the 2^n sign flips
 * of the nonzero d_j whose |Σ| reaches the observed |Σ d_j| (a randomization test; Durkalski et al. 2003 use the same
 * cluster differences with a χ² approximation, (Σ c_j − Σ b_j)² / Σ d_j², which is poor for few pairs). With one
 * discordant probe per pair it IS McNemar's exact test. Exact for any n: |d| is 1 or 2, so Σ is 2·Bin(n1, ½) − n1 +
 * 2·(2·Bin(n2, ½) − n2), enumerated in O(n1·n2) with binomial pmfs in log space.
 */
export function clusteredMcnemar(pairDifferences: readonly number[]): { discordantPairs: number; p: number } {
  let n1 = 0;
  let n2 = 0;
  let positive1 = 0;
  let observed = 0;
  for (const [index, d] of pairDifferences.entries()) {
    if (!Number.isInteger(d) || Math.abs(d) > 2) throw new Error(`clusteredMcnemar: pair ${index} has difference ${d}; expected an integer in −2..2`);
    if (d === 1) positive1++;
    if (Math.abs(d) === 1) n1++;
    else if (Math.abs(d) === 2) n2++;
    observed += d;
  }
  if (n1 + n2 === 0) return { discordantPairs: 0, p: 1 };
  if (n2 === 0) return { discordantPairs: n1, p: mcnemarExact(n1 - positive1, positive1) }; // literally McNemar's
  const pmf1 = halfBinomialPmf(n1);
  const pmf2 = halfBinomialPmf(n2);
  const threshold = Math.abs(observed) - 1e-9;
  let p = 0;
  for (let k1 = 0; k1 <= n1; k1++) {
    for (let k2 = 0; k2 <= n2; k2++) {
      const total = 2 * k1 - n1 + 2 * (2 * k2 - n2);
      if (Math.abs(total) >= threshold) p += pmf1[k1]! * pmf2[k2]!;
    }
  }
  return { discordantPairs: n1 + n2, p: Math.min(1, p) };
}

/** Binomial(n, ½) pmf, each term from logs so that n in the thousands neither underflows nor overflows. */
function halfBinomialPmf(n: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  let logChoose = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logChoose += Math.log((n - k + 1) / k);
    pmf[k] = Math.exp(logChoose - n * Math.LN2);
  }
  return pmf;
}

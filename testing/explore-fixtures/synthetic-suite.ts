import type { Family, Pair, Suite } from '../../evals/contracts';
import { contentHash } from '../../server/suites/content-hash';

/** Domains the synthetic families rotate through, so the chart order (domain, then family) is exercised. */
const DOMAINS = ['arithmetic', 'algorithmic', 'commonsense', 'olympiad'] as const;

/**
 * A suite of `families` × `pairsPerFamily` numeric pairs, built in code (no suite files, no generators), for tests
 * and measurements of the dashboard's read side. `familyIds` names the families (else "domain.skill-NN"). Pair i of family f asks for f·100 + i + 12 (easy) and its square (hard).
 */
export function syntheticSuite(opts: { id?: string; families: number; pairsPerFamily: number; familyIds?: readonly string[] }): Suite {
  const families: Family[] = [];
  const pairs: Pair[] = [];
  for (let f = 0; f < opts.families; f++) {
    // Named families ("domain.skill", e.g. to lay out real-length chart labels), or numbered ones.
    const named = opts.familyIds?.[f];
    const domain = named ? named.split('.')[0]! : DOMAINS[f % DOMAINS.length]!;
    const id = named ?? `${domain}.skill-${String(f).padStart(2, '0')}`;
    families.push({ id, domain, title: `Skill ${f}`, description: `Synthetic family ${f}.`, pairRule: 'The hard probe squares the easy answer.' });
    for (let i = 0; i < opts.pairsPerFamily; i++) {
      const pairId = `${id}#${String(i).padStart(3, '0')}`;
      const n = f * 100 + i + 12;
      pairs.push({
        id: pairId,
        family: id,
        easy: { id: `${pairId}/easy`, family: id, tier: 'easy', prompt: `What is ${n}? (family ${f}, pair ${i})`, answer: String(n), grader: { kind: 'numeric' } },
        hard: { id: `${pairId}/hard`, family: id, tier: 'hard', prompt: `What is ${n} squared? (family ${f}, pair ${i})`, answer: String(n * n), grader: { kind: 'numeric' } },
      });
    }
  }
  const suiteId = opts.id ?? 'synthetic';
  return { id: suiteId, title: `Synthetic ${suiteId}`, description: '', version: contentHash({ families, pairs }), families, pairs };
}

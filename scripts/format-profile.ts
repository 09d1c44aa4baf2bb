import type { StoredProfile } from '../server/explore/stored-profile';

const pct = (x: number | null) => (x === null ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
const num = (x: number | null) => (x === null ? ' n/a' : x.toFixed(2));

/**
 * The human table of a profile: one line per family ("not evaluated" for families outside the model's scope), then
 * the suite version and runs it rests on and the headline numbers.
 */
export function formatProfile(profile: StoredProfile): string {
  const width = Math.max(6, ...profile.families.map((f) => f.id.length));
  const head = `${'family'.padEnd(width)}  easy    hard    CS    INV   pairs  chance`;
  const lines = profile.families.map((f) =>
    f.evaluated
      ? `${f.id.padEnd(width)}  ${pct(f.easy.acc)}  ${pct(f.hard.acc)}  ${num(f.cs)}  ${num(f.inv)}  ${String(f.nPairs).padStart(5)}  ${num(f.chance)}`
      : `${f.id.padEnd(width)}  not evaluated${f.refusals > 0 ? ` (${f.refusals} refusals)` : ''}`,
  );
  const c = profile.counts;
  const j = profile.inversion;
  const tail =
    `suite ${profile.suite.id}@${profile.suite.version}  runs ${profile.runs.join(', ')}${profile.pooled ? ' (pooled)' : ''}  ` +
    `temperature ${profile.settings.temperature ?? 'none sent'}  samples per probe ${profile.settings.samples}\n` +
    `pass ${c.pass}  fail ${c.fail}  error ${c.error}  refused ${c.refusal}\n` +
    `easy ${pct(profile.easy.acc)}  hard ${pct(profile.hard.acc)}  inversion J = ${num(j.j)}` +
    (j.lo === null ? '' : ` [${num(j.lo)}, ${num(j.hi)}]`);
  return `${head}\n${lines.join('\n')}\n${tail}\n`;
}

import type { Profile } from '../evals/metrics';

const pct = (x: number | null) => (x === null ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
const num = (x: number | null) => (x === null ? ' n/a' : x.toFixed(2));

/**
 * The human table of a profile: one line per family (flipped teeth marked, families not evaluated said so), then the
 * suite version and runs it rests on, the counts and the model's verdict with its index, J and τ. The JSON form is
 * the profile itself (`eval --json`).
 */
export function formatFamilyTable(profile: Profile): string {
  const width = Math.max(6, ...profile.families.map((f) => f.id.length));
  const head = `${'family'.padEnd(width)}  easy    hard    CS    INV   pairs  chance`;
  const lines = profile.families.map((f) =>
    f.evaluated
      ? `${f.id.padEnd(width)}  ${pct(f.easy.acc)}  ${pct(f.hard.acc)}  ${num(f.cs)}  ${num(f.inv)}  ${String(f.nPairs).padStart(5)}  ${num(f.chance)}${f.inverted ? '  FLIPPED' : ''}`
      : `${f.id.padEnd(width)}  not evaluated${f.refusals > 0 ? ` (${f.refusals} refusals)` : ''}`,
  );
  const { jaggedness: jag, inversion: j, unevenness: u } = profile;
  const tail =
    `suite ${profile.suite.id}@${profile.suite.version}  run${profile.runs.length === 1 ? '' : 's'} ${profile.runs.join(', ')}\n` +
    `pass ${profile.counts.pass}  fail ${profile.counts.fail}  refusal ${profile.counts.refusal}  error ${profile.counts.error}\n` +
    `easy ${pct(profile.easy.acc)}  hard ${pct(profile.hard.acc)}  J = ${num(j.j)}` +
    (j.lo === null ? '' : ` [${num(j.lo)}, ${num(j.hi)}]`) +
    `  unevenness tau = ${num(u.tau)}` +
    (u.lo === null ? '' : ` [${num(u.lo)}, ${num(u.hi)}]`) +
    `\nverdict: ${jag.verdict}` +
    (jag.index === null ? '' : `  index ${num(jag.index)} [${num(jag.lo)}, ${num(jag.hi)}]`) +
    (jag.invertedFamilies.length > 0 ? `  flipped: ${jag.invertedFamilies.join(', ')}` : '') +
    (profile.reliability.singleSample ? '  (rests on one sample per probe)' : '');
  return `${head}\n${lines.join('\n')}\n${tail}\n`;
}

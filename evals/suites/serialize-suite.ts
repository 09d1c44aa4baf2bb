import { stringify } from 'yaml';
import { PAIR_SLOTS, type GraderSpec, type Probe, type Suite } from '../contracts';

/** A grader with only a kind is written as its kind (`grader: numeric`), the short form the parser accepts. */
function graderEntry(grader: GraderSpec): GraderSpec | string {
  return Object.keys(grader).length === 1 ? grader.kind : grader;
}

/** A probe without the fields the parser derives (id, family, tier). */
function probeEntry(probe: Probe): Record<string, unknown> {
  return {
    prompt: probe.prompt,
    answer: probe.answer,
    grader: graderEntry(probe.grader),
    ...(probe.source !== undefined ? { source: probe.source } : {}),
    ...(probe.license !== undefined ? { license: probe.license } : {}),
    ...(probe.chance !== undefined ? { chance: probe.chance } : {}),
    ...(probe.meta !== undefined ? { meta: probe.meta } : {}),
  };
}

function pairEntry(pair: Suite['pairs'][number]): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: pair.id, family: pair.family };
  for (const { slot } of PAIR_SLOTS) {
    const probe = pair[slot];
    if (probe) entry[slot] = probeEntry(probe);
  }
  return entry;
}

/**
 * Writes a resolved suite as a self-contained file (generated pairs written out in full) that `parseSuiteFile`
 * reads back into the same suite, with the same version.
 */
export function serializeSuite(suite: Suite, format: 'yaml' | 'jsonl'): string {
  const header = { id: suite.id, title: suite.title, description: suite.description };
  if (format === 'jsonl') {
    const lines = [
      { type: 'suite', ...header },
      ...suite.families.map((family) => ({ type: 'family', ...family })),
      ...suite.pairs.map((pair) => ({ type: 'pair', ...pairEntry(pair) })),
    ];
    return `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
  }
  const body = stringify({ ...header, families: suite.families, pairs: suite.pairs.map(pairEntry) }, { lineWidth: 0 });
  return `# Sawtooth suite "${suite.id}", version ${suite.version} (the version is recomputed from the content on load).\n${body}`;
}

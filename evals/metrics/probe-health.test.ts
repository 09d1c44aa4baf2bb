import { describe, expect, it } from 'vitest';
import { difficulty, probeHealth, type ProbeOutcome } from './probe-health';

const MODELS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];

/** One row per model for one probe; `passing` lists the models that pass (1 of 1 sample). */
function probe(pairId: string, slot: ProbeOutcome['slot'], passing: readonly string[], models = MODELS): ProbeOutcome[] {
  const suffix = slot.replace('Twin', '-twin');
  return models.map((model) => ({ model, pairId, family: 'f.x', probeId: `${pairId}/${suffix}`, slot, passes: passing.includes(model) ? 1 : 0, trials: 1 }));
}

describe('probeHealth', () => {
  const outcomes = [
    // A healthy pair: the easy probe is failed less often than the hard one.
    ...probe('f.x#000', 'easy', ['m1', 'm2', 'm3', 'm4', 'm5']),
    ...probe('f.x#000', 'hard', ['m1', 'm2']),
    // Mis-tiered: four models fail the easy probe, only one fails the hard one.
    ...probe('f.x#001', 'easy', ['m1', 'm2']),
    ...probe('f.x#001', 'hard', ['m1', 'm2', 'm3', 'm4', 'm5']),
    // Everybody passes the easy probe and its twin; nobody passes the hard one.
    ...probe('f.x#002', 'easy', MODELS),
    ...probe('f.x#002', 'easyTwin', ['m1', 'm2', 'm3']),
    ...probe('f.x#002', 'hard', []),
  ];
  const health = probeHealth(outcomes);

  it('waits for five models', () => {
    const four = outcomes.filter((o) => ['m1', 'm2', 'm3', 'm4'].includes(o.model));
    expect(probeHealth(four)).toMatchObject({ ready: false, models: 4, minModels: 5, probes: [], pairs: [] });
    expect(health).toMatchObject({ ready: true, models: 6 });
  });

  it('flags probes nobody or everybody passes, and only those', () => {
    const flags = Object.fromEntries(health.probes.map((p) => [p.probeId, p.flag]));
    expect(flags['f.x#002/easy']).toBe('everybody');
    expect(flags['f.x#002/hard']).toBe('nobody');
    expect(Object.values(flags).filter(Boolean)).toHaveLength(2);
  });

  it('flags the pair whose easy tier is failed more often than its hard tier, counting a twin', () => {
    const pairs = Object.fromEntries(health.pairs.map((p) => [p.pairId, p]));
    expect(pairs['f.x#000']).toMatchObject({ misTiered: false, easyFailed: 1, hardFailed: 4 });
    expect(pairs['f.x#001']).toMatchObject({ misTiered: true, easyFailed: 4, hardFailed: 1, easyOnlyFailed: 3, hardOnlyFailed: 0 });
    // The easy tier of #002 passes only where the twin passes too: 3 models fail it; everybody fails the hard tier.
    expect(pairs['f.x#002']).toMatchObject({ easyFailed: 3, hardFailed: 6, misTiered: false });
    // McNemar: 3 discordant pairs all one way, p = 2 × ⅛.
    expect(pairs['f.x#001']!.p).toBeCloseTo(0.25, 12);
  });

  it('orders difficulties by failure rate, each inside its interval', () => {
    const byId = Object.fromEntries(health.probes.map((p) => [p.probeId, p.difficulty]));
    expect(byId['f.x#002/hard']!.logit).toBeGreaterThan(byId['f.x#000/hard']!.logit);
    expect(byId['f.x#000/hard']!.logit).toBeGreaterThan(byId['f.x#000/easy']!.logit);
    for (const { difficulty: d } of health.probes) {
      expect(d.lo).toBeLessThan(d.logit);
      expect(d.hi).toBeGreaterThan(d.logit);
      expect(Number.isFinite(d.lo) && Number.isFinite(d.hi)).toBe(true);
    }
  });

  it('computes the difficulty as the corrected logit of the failure rate', () => {
    expect(difficulty(0, 5).logit).toBeCloseTo(Math.log(11), 12); // (5 + ½) / (0 + ½)
    expect(difficulty(5, 5).logit).toBeCloseTo(-Math.log(11), 12);
    expect(difficulty(3, 6).logit).toBeCloseTo(0, 12);
    // The interval at 3 of 6 is symmetric around 0 (Wilson is symmetric at p = ½).
    const half = difficulty(3, 6);
    expect(half.lo).toBeCloseTo(-half.hi, 12);
  });

  it('decides a model\'s outcome by the majority of its samples and ignores ungraded rows', () => {
    const rows: ProbeOutcome[] = MODELS.map((model, i) => ({ model, pairId: 'f.x#009', family: 'f.x', probeId: 'f.x#009/easy', slot: 'easy', passes: i < 3 ? 2 : 1, trials: 3 }));
    rows.push({ model: 'm7', pairId: 'f.x#009', family: 'f.x', probeId: 'f.x#009/easy', slot: 'easy', passes: 0, trials: 0 });
    const result = probeHealth(rows);
    expect(result.models).toBe(6);
    expect(result.probes[0]).toMatchObject({ passed: 3, models: 6, passRate: 0.5 });
  });
});

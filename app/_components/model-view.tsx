'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '../_trpc/client';
import { ArchTag } from './arch-tag';
import { FamilyTable } from './family-table';
import { interval, num, pct, when } from './format';
import { SawtoothChart } from './sawtooth-chart';
import { JaggedPairs } from './jagged-pairs';
import { Empty, ErrorState, Loading } from './states';
import { SuiteSelect, useSuiteParam } from './suite-select';
import { GuttmanStrip } from './guttman-strip';
import { ThinkingTimeSection } from './thinking-time-section';
import { CheckpointCardSection } from './checkpoint-card-section';

/**
 * A model's page on one suite: the profile of its latest completed run there (or, by explicit choice, of every
 * completed run with the same suite version and settings, pooled), with the runs it rests on named.
 */
export function ModelView({ id }: { id: string }) {
  const trpc = useTRPC();
  const [suite, setSuite] = useSuiteParam();
  const [pool, setPool] = useState(false);
  const query = useQuery(trpc.models.get.queryOptions({ id, suite, pool }));
  if (query.isPending) return <Loading what="model" />;
  if (query.isError) return <ErrorState error={query.error} />;
  const { model, profile, points, profileRuns, runs, guttman } = query.data;
  const notEvaluated = profile?.families.filter((f) => !f.evaluated) ?? [];
  const samples = profileRuns.reduce((n, r) => n + r.samples, 0);
  const singleSample = profile?.reliability.singleSample ?? false;
  return (
    <>
      <h1>{model.label} <ArchTag arch={model.arch} /></h1>
      <p className="subtitle">
        {model.modelName}{model.baseUrl ? ` at ${model.baseUrl}` : ''} ·{' '}
        <Link href={`/compare?models=${encodeURIComponent(model.id)}`}>Compare with…</Link> ·{' '}
        <Link href="/how-to-read">How to read this page</Link>
      </p>
      <div className="toolbar">
        <SuiteSelect suite={suite} onChange={setSuite} />
        <label title="Pooling adds the samples of every completed run with the same suite version and settings: an explicit choice, listed below">
          <input type="checkbox" checked={pool} onChange={(e) => setPool(e.target.checked)} data-testid="pool-runs" /> Pool repeated runs
        </label>
      </div>
      {!profile ? (
        <Empty>No completed run of this model on suite {suite}. Run <code>npx sawtooth eval --suite {suite} --model {model.id}</code>.</Empty>
      ) : (
        <>
          <p className="subtitle" data-testid="profile-basis">
            Suite <strong>{profile.suite.id}</strong> version <code>{profile.suite.version}</code> · {profileRuns.length > 1 ? 'pooled runs' : 'run'}{' '}
            {profileRuns.map((r) => <Link key={r.id} href={`/runs/${r.id}`}>#{r.id} </Link>)}· temperature {profileRuns[0]?.temperature ?? 'none sent'} ·{' '}
            {samples} sample{samples === 1 ? '' : 's'} per probe
            {singleSample ? <span data-testid="single-sample"> · these numbers rest on one sample per probe: a second run (or <code>--samples 2</code>) shows how stable they are</span> : null}
          </p>
          <div className="stats">
            <div className="card stat" data-testid="verdict">
              <div className="label">Verdict <Link href="/how-to-read#verdict" className="ci">?</Link></div>
              <div className={`value verdict verdict-${profile.jaggedness.verdict.replace(/ /g, '-')}`}>{profile.jaggedness.verdict}</div>
              <div className="note">
                {profile.jaggedness.index == null ? 'no family evaluated' : `index ${num(profile.jaggedness.index)} (95% CI ${num(profile.jaggedness.lo)}–${num(profile.jaggedness.hi)})`}
                {' · '}{profile.jaggedness.invertedFamilies.length > 0 ? `flipped teeth: ${profile.jaggedness.invertedFamilies.join(', ')}` : `no flipped tooth in ${profile.jaggedness.testableFamilies} testable of ${profile.jaggedness.nFamilies} families`}
              </div>
            </div>
            <div className="card stat"><div className="label">Easy accuracy</div><div className="value">{pct(profile.easy.acc, 1)}</div><div className="note">{interval(profile.easy.lo, profile.easy.hi)} · n {profile.easy.n} · chance {pct(profile.chance.easy, 0)}</div></div>
            <div className="card stat"><div className="label">Hard accuracy</div><div className="value">{pct(profile.hard.acc, 1)}</div><div className="note">{interval(profile.hard.lo, profile.hard.hi)} · n {profile.hard.n} · chance {pct(profile.chance.hard, 0)}</div></div>
            <div className="card stat"><div className="label">Inversion J</div><div className="value">{num(profile.inversion.j)}</div><div className="note">{profile.inversion.lo == null ? 'no solved hard probe' : `95% CI ${num(profile.inversion.lo)}–${num(profile.inversion.hi)}`} · <Link href="/how-to-read#inversion">read with care</Link></div></div>
            <div className="card stat"><div className="label">Unevenness τ</div><div className="value">{num(profile.unevenness.tau)}</div><div className="note">{profile.unevenness.lo == null ? '' : `95% CI ${num(profile.unevenness.lo)}–${num(profile.unevenness.hi)} · `}net of noise; raw U {num(profile.unevenness.u)} over {profile.unevenness.nFamilies} families</div></div>
            <div className="card stat" data-testid="reliability">
              <div className="label">Reliability <Link href="/how-to-read#samples" className="ci">?</Link></div>
              {profile.reliability.singleSample ? (
                <><div className="value">1 sample</div><div className="note">the verdict rests on one sample per probe</div></>
              ) : (
                <>
                  <div className="value">{pct(profile.reliability.stability, 0)}</div>
                  <div className="note">
                    pairs answered the same in every sample{profile.reliability.splitHalf ? ` · test–retest: verdict agrees in ${pct(profile.reliability.splitHalf.verdictAgreement, 0)} of ${profile.reliability.splitHalf.splits} split halves` : ''}
                  </div>
                </>
              )}
            </div>
            <div className="card stat"><div className="label">Answers</div><div className="value">{profile.counts.pass + profile.counts.fail}</div><div className="note">{profile.counts.refusal} refused · {profile.counts.error} errors, both left out · {profile.nPairs} pairs</div></div>
          </div>
          {notEvaluated.length > 0 ? (
            <p className="subtitle" data-testid="not-evaluated">
              Not evaluated ({notEvaluated.length} of {profile.families.length} families, outside the model&apos;s scope or only refusals; shown as gaps, never 0%): {notEvaluated.map((f) => f.id).join(', ')}.
            </p>
          ) : null}
          <h2>Sawtooth profile</h2>
          <SawtoothChart points={points} name={model.label} filename={`${model.id}-${profile.suite.id}-sawtooth`} />
          <h2>Families</h2>
          <FamilyTable families={profile.families} />
          {guttman && guttman.I > 0 ? (
            <>
              <h2>Guttman ordering</h2>
              <p className="subtitle">
                Every tier of every pair, easiest first (by how often all models on this suite version pass it). A consistent model passes a prefix and
                fails the rest; marked cells break that order. G = {guttman.G}, G<sub>normed</sub> = {num(guttman.Gnormed)} ({guttman.S} of {guttman.I} passed).{' '}
                <Link href="/how-to-read#guttman">How to read this</Link>
              </p>
              <GuttmanStrip order={guttman.order} />
            </>
          ) : null}
          <ThinkingTimeSection modelId={model.id} suite={suite} runs={profileRuns.map((r) => r.id)} />
          <h2>Jagged pairs</h2>
          <p className="subtitle">Pairs where the hard probe was solved more often than its easy twin, in the runs above.</p>
          <JaggedPairs modelId={model.id} suite={suite} runs={profileRuns.map((r) => r.id)} />
        </>
      )}
      <CheckpointCardSection modelId={model.id} arch={model.arch} />
      <h2>Runs</h2>
      <div className="table-wrap">
        <table>
          <thead><tr><th>Run</th><th>Suite</th><th>Status</th><th className="num">Pass</th><th className="num">Fail</th><th className="num">Error</th><th className="num">Refused</th><th className="num">Temp.</th><th className="num">k</th><th>Started</th></tr></thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td><Link href={`/runs/${r.id}`}>#{r.id}</Link></td>
                <td>{r.suiteId}<div className="ci">{r.suiteVersion}</div></td>
                <td className="status">{r.status}</td>
                <td className="num">{r.passCount}</td><td className="num">{r.failCount}</td><td className="num">{r.errorCount}</td><td className="num">{r.refusalCount}</td>
                <td className="num">{r.temperature ?? '—'}</td><td className="num">{r.samples}</td>
                <td>{when(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

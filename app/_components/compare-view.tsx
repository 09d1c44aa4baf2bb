'use client';

import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { AppRouter } from '../../server/trpc/root';
import { useTRPC } from '../_trpc/client';
import { ArchTag } from './arch-tag';
import { ComparisonTable } from './comparison-table';
import { compareQuery, parseCompareQuery, withModels, type CompareState } from './compare-url';
import { DisagreementTable } from './disagreement-table';
import { interval, num, pct } from './format';
import { ModelPicker } from './model-picker';
import { SawtoothOverlay } from './sawtooth-chart';
import { seriesColors } from '../../evals/charts/series-colors';
import { Empty, ErrorState, Loading } from './states';
import { DEFAULT_SUITE, SuiteSelect, useSuiteParam } from './suite-select';

/** The compare page's body. Its whole state is the URL's query string (see compare-url.ts). */
export function CompareView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = parseCompareQuery(new URLSearchParams(params.toString()));
  const [suite, setSuite] = useSuiteParam();
  const navigate = (next: CompareState) => {
    // The suite stays in the URL with the rest of the view: every number on the page belongs to it.
    const query = [compareQuery(next), suite === DEFAULT_SUITE ? '' : `suite=${encodeURIComponent(suite)}`].filter(Boolean).join('&');
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  const trpc = useTRPC();
  const enough = state.models.length >= 2;
  const view = useQuery({ ...trpc.compare.get.queryOptions({ models: state.models, suite }), enabled: enough });

  return (
    <>
      <div className="toolbar"><SuiteSelect suite={suite} onChange={setSuite} /></div>
      <ModelPicker selected={state.models} onChange={(models) => navigate(withModels(state, models))} />
      {!enough ? (
        <Empty>Pick at least two models to compare (or tick them on the leaderboard and press “Compare selected”).</Empty>
      ) : view.isPending ? <Loading what="comparison" /> : view.isError ? <ErrorState error={view.error} /> : (
        <CompareBody state={state} view={view.data} navigate={navigate} />
      )}
    </>
  );
}

type View = inferRouterOutputs<AppRouter>['compare']['get'];

function CompareBody({ state, view, navigate }: { state: CompareState; view: View; navigate: (next: CompareState) => void }) {
  const labels = view.models.map((m) => m.model.label);
  // A colour follows its model from one compare to the next (not its position in this one).
  const colors = seriesColors(view.models.map((m) => m.model.id));
  const labelOf = (id: string) => view.models.find((m) => m.model.id === id)?.model.label ?? id;
  const reportHref = `/api/report?models=${state.models.map(encodeURIComponent).join(',')}&suite=${encodeURIComponent(view.suite)}`;
  return (
    <>
      <div className="stats">
        {view.models.map((m) => (
          <div key={m.model.id} className="card stat" style={{ borderTop: `3px solid ${colors.get(m.model.id)}` }}>
            <div className="label">{m.model.label} <ArchTag arch={m.model.arch} /></div>
            {m.profile ? (
              <>
                <div className="value">J {num(m.profile.inversion.j)}</div>
                <div className="note">easy {pct(m.profile.easy.acc, 1)} <span className="ci">{interval(m.profile.easy.lo, m.profile.easy.hi)}</span> · hard {pct(m.profile.hard.acc, 1)} · U {num(m.profile.unevenness.u)} · {m.profile.nPairs} pairs</div>
                <div className="note ci">{m.profile.suite.id}@{m.profile.suite.version.slice(0, 8)} · run{m.profile.runs.length > 1 ? 's' : ''} {m.profile.runs.join(', ')}</div>
              </>
            ) : <div className="note">no completed run on {view.suite}</div>}
          </div>
        ))}
      </div>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2>Sawtooth profiles</h2>
        <a className="button" href={reportHref} download data-testid="report-download">Download HTML report</a>
      </div>
      <SawtoothOverlay series={view.models.map((m) => ({ id: m.model.id, name: m.model.label, color: colors.get(m.model.id)!, points: m.points }))} filename={`compare-${state.models.join('-vs-')}`} />
      <h2>Per-family differences</h2>
      {view.comparisons.map((c) => (
        <div key={c.b}>
          {c.versionsDiffer ? <p className="subtitle">{labelOf(c.b)} and {labelOf(c.a)} answered different versions of {view.suite}: only probes identical in both are compared.</p> : null}
          <ComparisonTable a={labelOf(c.a)} b={labelOf(c.b)} families={c.families} overall={c.overall} alpha={c.alpha} />
        </div>
      ))}
      <h2>Disagreements</h2>
      <DisagreementTable state={state} suite={view.suite} labels={labels} onChange={navigate} />
    </>
  );
}

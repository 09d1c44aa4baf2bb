import type { createCaller } from '../../server/trpc/root';

export type Caller = ReturnType<typeof createCaller>;

/** The pages the dashboard benchmarks time, each at every scale (dashboard.<page>_1m, dashboard.<page>_10m). */
export const DASHBOARD_PAGES = ['leaderboard', 'model_page', 'compare4'] as const;
export type DashboardPage = (typeof DASHBOARD_PAGES)[number];

/** Seeded database sizes: the name's suffix and how many results the file must hold. */
export const DASHBOARD_SCALES = { '1m': 1_000_000, '10m': 10_000_000 } as const;
export type DashboardScale = keyof typeof DASHBOARD_SCALES;

export const dashboardCaseName = (page: DashboardPage, scale: DashboardScale): string => `dashboard.${page}_${scale}`;

export function isDashboardPage(name: string): name is DashboardPage {
  return (DASHBOARD_PAGES as readonly string[]).includes(name);
}

/**
 * Everything a page asks for on load (the pages send these together; timed one after another), given the models
 * ordered by result count: the same call in the bench process (warm) and in a fresh child process (cold).
 */
export function dashboardCase(page: DashboardPage, byResults: string[]): { call: (c: Caller) => Promise<unknown>; what: string } {
  const model = byResults.find((id) => id.includes('ctm')) ?? byResults[0]!;
  const four = byResults.slice(0, 4);
  if (page === 'leaderboard') return { call: (c) => c.models.leaderboard(), what: `models.leaderboard, ${byResults.length} models` };
  if (page === 'model_page') {
    return {
      call: (c) => Promise.all([c.models.get({ id: model }), c.models.jaggedPairs({ id: model }), c.models.thinkingTime({ id: model })]),
      what: `models.get + jaggedPairs + thinkingTime of ${model}`,
    };
  }
  return { call: (c) => Promise.all([c.compare.get({ models: four }), c.compare.disagreements({ models: four })]), what: `compare.get + disagreements of ${four.join(', ')}` };
}

import type { createCaller } from '../../server/trpc/root';

export type Caller = ReturnType<typeof createCaller>;

export const DASHBOARD_CASES = ['dashboard.leaderboard_1m', 'dashboard.model_page_1m', 'dashboard.compare4_1m'] as const;
export type DashboardCase = (typeof DASHBOARD_CASES)[number];

/**
 * Everything a page asks for on load (the pages send these together; timed one after another), given the models
 * ordered by result count: the same call in the bench process (warm) and in a fresh child process (cold).
 */
export function dashboardCase(name: DashboardCase, byResults: string[]): { call: (c: Caller) => Promise<unknown>; what: string } {
  const model = byResults.find((id) => id.includes('ctm')) ?? byResults[0]!;
  const four = byResults.slice(0, 4);
  if (name === 'dashboard.leaderboard_1m') return { call: (c) => c.models.leaderboard(), what: `models.leaderboard, ${byResults.length} models` };
  if (name === 'dashboard.model_page_1m') {
    return {
      call: (c) => Promise.all([c.models.get({ id: model }), c.models.jaggedPairs({ id: model }), c.models.thinkingTime({ id: model })]),
      what: `models.get + jaggedPairs + thinkingTime of ${model}`,
    };
  }
  return { call: (c) => Promise.all([c.compare.get({ models: four }), c.compare.disagreements({ models: four })]), what: `compare.get + disagreements of ${four.join(', ')}` };
}

import type { SqlRunner } from '../../../db/store';
import { compareView } from '../compare-view';
import { disagreementPage } from '../disagreements';
import { DEFAULT_SUITE } from '../profile-scope';
import type { PublicModel } from '../public-model';
import { comparisonReportHtml } from './comparison-report';

/** Disagreements written into a report: enough to read, bounded so a report stays a few hundred KB. */
export const REPORT_DISAGREEMENTS = 50;

/**
 * The HTML report of comparing `models` (2–4, the first is the reference) on one suite, from the same functions as the
 * page.
 */
export async function buildComparisonReport(
  db: SqlRunner,
  models: readonly PublicModel[],
  suite: string = DEFAULT_SUITE,
  now = new Date(),
): Promise<string> {
  const ids = models.map((m) => m.id);
  return comparisonReportHtml({
    view: await compareView(db, models, suite),
    disagreements: await disagreementPage(db, ids, { filters: ids.map(() => 'any'), limit: REPORT_DISAGREEMENTS, offset: 0, suite }),
    generatedAt: now,
  });
}

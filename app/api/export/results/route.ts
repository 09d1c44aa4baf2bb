import { z } from 'zod';
import { serverStore } from '../../../../server/db';
import { modelExists } from '../../../../db/queries/models';
import { exportRunSuites } from '../../../../db/queries/results-export';
import { exportFileName, exportResults, type ExportScope } from '../../../../server/results/exports/results-export';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const QuerySchema = z
  .object({
    run: z.coerce.number().int().positive().optional(),
    model: z.string().min(1).optional(),
    /** With ?model=: the suite whose results to export (default core); a model's export never mixes suites. */
    suite: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a suite id, e.g. core').optional(),
    format: z.enum(['csv', 'json']).default('csv'),
  })
  .refine((q) => (q.run === undefined) !== (q.model === undefined), { message: 'give ?run=<id> or ?model=<id>' });

/** Downloads a run's results or a model's results on one suite as CSV or JSON, streamed a page at a time (the pull follows the client). */
export async function GET(request: Request): Promise<Response> {
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]!.message }, { status: 400 });
  const { run, model, suite, format } = parsed.data;
  const store = await serverStore();
  const scope: ExportScope = run !== undefined ? { runId: run } : { modelId: model!, suiteId: suite ?? 'core' };
  // A run always has a suite: no suite row means no run.
  const exists = 'runId' in scope
    ? (await exportRunSuites(store, { runId: scope.runId })).length > 0
    : await modelExists(store, scope.modelId);
  if (!exists) return Response.json({ error: 'runId' in scope ? `no run ${scope.runId}` : `unknown model "${scope.modelId}"` }, { status: 404 });
  const chunks = exportResults(store, scope, format);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${exportFileName(scope, format)}"`,
      'cache-control': 'no-store',
    },
  });
}

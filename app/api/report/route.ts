import { z } from 'zod';
import { serverStore } from '../../../server/db';
import { MAX_COMPARED } from '../../../server/explore/compare-view';
import { publicModelsById } from '../../../server/explore/public-model';
import { buildComparisonReport } from '../../../server/explore/report/build-comparison-report';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const QuerySchema = z.object({
  models: z
    .string({ error: 'models is required, e.g. ?models=a,b' })
    .transform((s) => s.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(200)).min(2, 'give 2 to 4 models').max(MAX_COMPARED, 'give 2 to 4 models')),
  suite: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a suite id, e.g. core').default('core'),
});

function problem(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** GET /api/report?models=a,b[,c,d][&suite=core]: the comparison on one suite as one self-contained HTML file. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const parsed = QuerySchema.safeParse({ models: params.get('models') ?? undefined, suite: params.get('suite') ?? undefined });
  if (!parsed.success) return problem(400, `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  const store = await serverStore();
  const { found, missing } = await publicModelsById(store, [...new Set(parsed.data.models)]);
  if (missing.length > 0) return problem(404, `unknown model: ${missing.join(', ')}`);
  if (found.length < 2) return problem(400, 'models: give 2 to 4 different models');
  const html = await buildComparisonReport(store, found, parsed.data.suite);
  const filename = `sawtooth-compare-${parsed.data.suite}-${found.map((m) => m.id).join('-vs-')}.html`.replace(/[^\w.-]+/g, '_');
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      // The report never runs code; say so to the browser too.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      'x-content-type-options': 'nosniff',
    },
  });
}

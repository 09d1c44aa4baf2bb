import { z } from 'zod';
import { SuiteIdSchema } from '../../../../evals/contracts';
import { SuiteError, serializeSuite } from '../../../../evals/suites';
import { serverStore } from '../../../../server/db';
import { resolveSuite } from '../../../../server/suites/resolve-suite';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const QuerySchema = z.object({ id: SuiteIdSchema, format: z.enum(['yaml', 'jsonl']).default('yaml') });

/** Downloads a suite (built-in or user) as a self-contained suite file that `--suite <file>` reads. */
export async function GET(request: Request): Promise<Response> {
  const parsed = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}` }, { status: 400 });
  const { id, format } = parsed.data;
  try {
    const text = serializeSuite(await resolveSuite(await serverStore(), id), format);
    return new Response(text, {
      headers: {
        'content-type': format === 'yaml' ? 'application/yaml; charset=utf-8' : 'application/jsonl; charset=utf-8',
        'content-disposition': `attachment; filename="${id}.${format}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof SuiteError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}

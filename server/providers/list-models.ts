import { z } from 'zod';

const ModelListSchema = z.object({ data: z.array(z.object({ id: z.string() }).loose()) }).loose();

export type ModelListing = { ok: true; ids: string[] } | { ok: false; status: number | null };

/**
 * `GET <base>/models`, which most OpenAI-compatible servers answer with the models they serve. Used only to check a
 * model name and suggest the right one; any failure (no such route, no network) is just "cannot tell".
 */
export async function listServedModels(baseUrl: string, apiKey: string | undefined, timeoutMs = 5_000): Promise<ModelListing> {
  try {
    const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/models`, {
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) return { ok: false, status: res.status };
    const parsed = ModelListSchema.safeParse(await res.json());
    return parsed.success ? { ok: true, ids: parsed.data.data.map((m) => m.id) } : { ok: false, status: res.status };
  } catch {
    return { ok: false, status: null };
  }
}

import type { SqlRunner } from '../../db/store';
import { publicModelRows, type PublicModel } from '../../db/queries/public-models';

// The read pages list and show models through these (the columns the browser may see live in db/queries).
export { getPublicModel, listPublicModels, type PublicModel } from '../../db/queries/public-models';

/** The models with these ids, in the order asked; ids that do not exist are returned separately. */
export async function publicModelsById(db: SqlRunner, ids: readonly string[]): Promise<{ found: PublicModel[]; missing: string[] }> {
  const byId = new Map((await publicModelRows(db, ids)).map((m) => [m.id, m]));
  return { found: ids.flatMap((id) => byId.get(id) ?? []), missing: ids.filter((id) => !byId.has(id)) };
}

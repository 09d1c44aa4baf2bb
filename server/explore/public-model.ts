import type { Db } from '../../db/client';
import { publicModelRows, type PublicModel } from '../../db/queries/public-models';

// The read pages list and show models through these (the columns the browser may see live in db/queries).
export { getPublicModel, listPublicModels, type PublicModel } from '../../db/queries/public-models';

/** The models with these ids, in the order asked; ids that do not exist are returned separately. */
export function publicModelsById(db: Db, ids: readonly string[]): { found: PublicModel[]; missing: string[] } {
  const byId = new Map(publicModelRows(db, ids).map((m) => [m.id, m]));
  return { found: ids.flatMap((id) => byId.get(id) ?? []), missing: ids.filter((id) => !byId.has(id)) };
}

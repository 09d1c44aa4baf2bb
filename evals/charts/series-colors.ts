/**
 * One colour per model that follows the model, not its position, shared by the dashboard (compare, the model picker)
 * and the offline HTML report: a model has the same colour in every view it is part of, whatever the order.
 *
 * The palette has eight slots. The dashboard paints slot i with the CSS variable `--series-{i+1}` (a light and a dark
 * value each, in app/globals.css); the report, which has no theme variables, paints it with the light value below.
 * `series-colors.test.ts` checks the two lists agree.
 */
export const SERIES_SLOTS = 8;

/** The light-theme value of each slot, as in app/globals.css. */
export const SERIES_LIGHT_HEX = ['#ea580c', '#2563eb', '#059669', '#9333ea', '#db2777', '#0d9488', '#ca8a04', '#4f46e5'] as const;

/** FNV-1a: a small, stable hash of a model id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The palette slot of each model id of one view. Each id takes its hashed slot; when two ids of the view collide, the
 * later one (by id) takes the next free slot, so a view never shows two models in one colour. Order-independent: the
 * ids are taken sorted.
 */
export function seriesSlots(ids: readonly string[]): Map<string, number> {
  const taken = new Set<number>();
  const slots = new Map<string, number>();
  for (const id of [...new Set(ids)].sort()) {
    let slot = hash(id) % SERIES_SLOTS;
    while (taken.has(slot) && taken.size < SERIES_SLOTS) slot = (slot + 1) % SERIES_SLOTS;
    taken.add(slot);
    slots.set(id, slot);
  }
  return slots;
}

/** The dashboard's colour of each model of a view: a CSS variable that follows the theme. */
export function seriesColors(ids: readonly string[]): Map<string, string> {
  return new Map([...seriesSlots(ids)].map(([id, slot]) => [id, `var(--series-${slot + 1})`]));
}

/** The report's colour of each model of a view: the same slot as on the dashboard, as a literal light-theme colour. */
export function seriesHexColors(ids: readonly string[]): Map<string, string> {
  return new Map([...seriesSlots(ids)].map(([id, slot]) => [id, SERIES_LIGHT_HEX[slot]!]));
}

/** Eight series colours (CSS variables with a light and a dark value each, in globals.css). */
const PALETTE = Array.from({ length: 8 }, (_, i) => `var(--series-${i + 1})`);

/** FNV-1a: a small, stable hash of a model id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A colour per model that follows the model, not its position: the same model keeps its colour from one compare to
 * the next. Each id takes its hashed slot; when two ids of one view collide, the later one (by id) takes the next
 * free slot, so a view never shows two models in one colour.
 */
export function seriesColors(ids: readonly string[]): Map<string, string> {
  const taken = new Set<number>();
  const colors = new Map<string, string>();
  for (const id of [...ids].sort()) {
    let slot = hash(id) % PALETTE.length;
    while (taken.has(slot)) slot = (slot + 1) % PALETTE.length;
    taken.add(slot);
    colors.set(id, PALETTE[slot]!);
  }
  return colors;
}

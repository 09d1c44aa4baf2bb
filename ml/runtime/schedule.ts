/** Learning-rate schedule: linear warm-up, then cosine decay (upstream CTM `WarmupCosineAnnealingLR` shape). */
export type WarmupCosine = {
  /** Learning rate reached at the end of warm-up. */
  peakLr: number;
  /** Steps of linear warm-up from `startLr` to `peakLr` (0 = none). */
  warmupSteps: number;
  /** Total steps; the cosine runs from `warmupSteps` to here, then stays at `minLr`. */
  totalSteps: number;
  /** Floor of the cosine (default 0). */
  minLr?: number;
  /** First warm-up value (default 0; upstream uses 1e-20). */
  startLr?: number;
};

/** Learning rate for optimiser step `step` (0-based). */
export function warmupCosineLr(schedule: WarmupCosine, step: number): number {
  const { peakLr, warmupSteps, totalSteps } = schedule;
  const minLr = schedule.minLr ?? 0;
  const startLr = schedule.startLr ?? 0;
  if (warmupSteps > 0 && step < warmupSteps) return startLr + ((peakLr - startLr) * step) / warmupSteps;
  const span = Math.max(1, totalSteps - warmupSteps);
  const progress = Math.min(1, (step - warmupSteps) / span);
  return minLr + 0.5 * (peakLr - minLr) * (1 + Math.cos(Math.PI * progress));
}

/** One progress-bar line for stderr: step, loss, accuracy, speed and ETA. */
export interface ProgressState {
  step: number;
  totalSteps: number;
  loss: number;
  accuracy: number;
  stepsPerSecond: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

export function formatProgress(p: ProgressState, width = 24): string {
  const done = Math.min(width, Math.round((width * p.step) / p.totalSteps));
  const bar = `${'#'.repeat(done)}${'.'.repeat(width - done)}`;
  const eta = (p.totalSteps - p.step) / p.stepsPerSecond;
  return (
    `[${bar}] step ${p.step}/${p.totalSteps} loss ${p.loss.toFixed(4)} acc ${(100 * p.accuracy).toFixed(1)}% ` +
    `${p.stepsPerSecond.toFixed(1)} steps/s ETA ${duration(eta)}`
  );
}

/**
 * The learning curve of a run, read back from its progress lines (stderr of `sawtooth train`): why from the log and
 * not the card? The curve is what shows where a run that missed its target was heading, and the progress line
 * already carries the smoothed figures (EMA of loss, batch accuracy, and accuracy on the batch's longest inputs,
 * which are mostly unseen when drawn). A resumed run repeats lines from its resume step on; the later line wins.
 */
export interface CurvePoint {
  step: number;
  loss: number;
  /** EMA of the whole batch's answer accuracy (0–1). */
  accuracy: number;
  /** EMA of the answer accuracy on the batch's longest-length rows (0–1); null before such rows were drawn. */
  longest: number | null;
}

const LINE = /step (\d+)\/\d+ loss ([\d.]+) acc ([\d.]+)% .*? len\d+ (NaN|[\d.]+)%/;

/** Every progress line of a log, by step (last line wins for a step seen twice). */
export function parseProgressLog(text: string): CurvePoint[] {
  const byStep = new Map<number, CurvePoint>();
  for (const line of text.split(/\r?\n|\r/)) {
    const m = LINE.exec(line);
    if (!m) continue;
    const step = Number(m[1]);
    byStep.set(step, { step, loss: Number(m[2]), accuracy: Number(m[3]) / 100, longest: m[4] === 'NaN' ? null : Number(m[4]) / 100 });
  }
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

/** One point per `every` steps: the first logged point at or after each multiple (and the last point). */
export function sampleCurve(points: readonly CurvePoint[], every: number): CurvePoint[] {
  if (!(every > 0)) throw new Error(`every must be a positive number of steps, got ${every}`);
  const out: CurvePoint[] = [];
  let next = every;
  for (const p of points) {
    if (p.step < next) continue;
    out.push(p);
    next = (Math.floor(p.step / every) + 1) * every;
  }
  const last = points.at(-1);
  if (last && out.at(-1) !== last) out.push(last);
  return out;
}

/** CSV with a header, the figures as logged (percent with one decimal, loss with four). */
export function curveCsv(points: readonly CurvePoint[]): string {
  const pct = (x: number | null) => (x === null ? '' : (100 * x).toFixed(1));
  return ['step,loss,accuracy_pct,longest_pct', ...points.map((p) => `${p.step},${p.loss.toFixed(4)},${pct(p.accuracy)},${pct(p.longest)}`)].join('\n') + '\n';
}

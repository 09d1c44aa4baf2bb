/** A one-line progress bar for stderr: redrawn in place on a terminal, a line every 10% otherwise (CI logs). */
export function createProgressLine(write: (s: string) => void, total: number, isTTY: boolean) {
  const started = Date.now();
  let lastDecile = -1;
  return {
    update(done: number, counts: { pass: number; fail: number; error: number }): void {
      const frac = total === 0 ? 1 : Math.min(1, done / total);
      const width = 24;
      const filled = Math.round(frac * width);
      const elapsed = (Date.now() - started) / 1000;
      const rate = elapsed > 0 ? done / elapsed : 0;
      const eta = rate > 0 ? Math.ceil((total - done) / rate) : null;
      const line =
        `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}` +
        `  pass ${counts.pass}  fail ${counts.fail}  error ${counts.error}  ${rate.toFixed(1)}/s` +
        (eta === null || done >= total ? '' : `  ETA ${eta}s`);
      if (isTTY) write(`\r${line}\x1b[K`);
      else {
        const decile = Math.floor(frac * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          write(`${line}\n`);
        }
      }
    },
    end(): void {
      if (isTTY) write('\n');
    },
  };
}

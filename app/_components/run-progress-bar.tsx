/** A run's answered share, split into pass / fail / error, against the expected number of answers. */
export function RunProgressBar({ pass, fail, error, expected }: { pass: number; fail: number; error: number; expected: number }) {
  const w = (n: number) => `${expected === 0 ? 0 : (100 * n) / expected}%`;
  const done = pass + fail + error;
  return (
    <div role="progressbar" aria-valuemin={0} aria-valuemax={expected} aria-valuenow={done} aria-label="run progress">
      <div className="progress">
        <span className="p-pass" style={{ width: w(pass) }} />
        <span className="p-fail" style={{ width: w(fail) }} />
        <span className="p-error" style={{ width: w(error) }} />
      </div>
    </div>
  );
}

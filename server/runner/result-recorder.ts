import type { Db } from '../../db/client';
import type { ErrorKind, Outcome } from '../../evals/contracts';

export interface ResultRow {
  runId: number;
  modelId: string;
  probeKey: number;
  familyId: string;
  domain: string;
  tier: 'easy' | 'hard';
  sample: number;
  outcome: Outcome;
  errorKind: ErrorKind | null;
  response: string | null;
  extracted: string | null;
  reason: string;
  latencyMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  ticks: number | null;
  telemetry: unknown;
}

/**
 * Writes graded results in short batched transactions (one fsync per batch, not per row) and keeps the run's
 * counters in step in the same transaction. The unique key (run, probe, sample) makes a duplicate impossible:
 * a row that already exists is skipped and not counted.
 */
export class ResultRecorder {
  private buffer: ResultRow[] = [];
  private sideWrites: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly flushBatch: (rows: ResultRow[], sideWrites: Array<() => void>) => void;

  constructor(
    db: Db,
    private readonly opts: { maxBatch?: number; maxDelayMs?: number; onFlush?: (written: number) => void } = {},
  ) {
    const sqlite = db.$client;
    const insert = sqlite.prepare(`
      INSERT INTO results (run_id, model_id, probe_key, family_id, domain, tier, sample, outcome, error_kind, response,
        extracted, reason, latency_ms, prompt_tokens, completion_tokens, cost_usd, ticks, telemetry)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (run_id, probe_key, sample) DO NOTHING`);
    const bump = sqlite.prepare(`
      UPDATE runs SET pass_count = pass_count + @pass, fail_count = fail_count + @fail,
        error_count = error_count + @error, refusal_count = refusal_count + @refusal, cost_usd = cost_usd + @cost WHERE id = @runId`);
    this.flushBatch = sqlite.transaction((rows: ResultRow[], sideWrites: Array<() => void>) => {
      const perRun = new Map<number, { pass: number; fail: number; error: number; refusal: number; cost: number }>();
      for (const row of rows) {
        // Positional parameters: binding by name costs a property lookup per column per row.
        const changed = insert.run(row.runId, row.modelId, row.probeKey, row.familyId, row.domain, row.tier, row.sample, row.outcome,
          row.errorKind, row.response, row.extracted, row.reason, row.latencyMs, row.promptTokens, row.completionTokens, row.costUsd,
          row.ticks, row.telemetry == null ? null : JSON.stringify(row.telemetry)).changes;
        if (changed === 0) continue;
        const c = perRun.get(row.runId) ?? { pass: 0, fail: 0, error: 0, refusal: 0, cost: 0 };
        c[row.outcome] += 1;
        c.cost += row.costUsd ?? 0;
        perRun.set(row.runId, c);
      }
      for (const [runId, c] of perRun) bump.run({ runId, ...c });
      for (const write of sideWrites) write();
    });
  }

  /**
   * Queues a result. `sideWrite` (e.g. storing the answer in the response cache) runs in the same transaction as
   * the row, so a crash keeps both or neither.
   */
  add(row: ResultRow, sideWrite?: () => void): void {
    this.buffer.push(row);
    if (sideWrite) this.sideWrites.push(sideWrite);
    if (this.buffer.length >= (this.opts.maxBatch ?? 256)) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.opts.maxDelayMs ?? 50);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    const sideWrites = this.sideWrites;
    this.buffer = [];
    this.sideWrites = [];
    this.flushBatch(rows, sideWrites);
    this.opts.onFlush?.(rows.length);
  }
}

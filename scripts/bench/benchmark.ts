import { loadavg } from 'node:os';

/** Where a benchmark writes: `bench <name> <value> <unit>` result lines, and indented notes (baselines, ratios). */
export interface BenchContext {
  /** Smaller sizes, for a quick look (the figures in the README come from full runs). */
  quick: boolean;
  /** The seeded million-result database of the dashboard benchmarks (created when absent). */
  dashboardDb: string;
  /** The seeded ten-million-result database of the dashboard benchmarks (created when absent: minutes, ~3 GB). */
  dashboardDb10m: string;
  /** The kept PostgreSQL cluster folders of the dashboard benchmarks on PostgreSQL (created and seeded when absent). */
  dashboardPgDir: string;
  dashboardPgDir10m: string;
  result(name: string, value: number, unit: string): void;
  note(text: string): void;
}

/** One file under scripts/bench/ per benchmark: the result names it prints and how to run it. */
export interface Benchmark {
  /** The `bench <name>` lines it prints, e.g. runner.throughput_0ms. */
  names: string[];
  summary: string;
  run(ctx: BenchContext): Promise<void>;
}

/** The 1-minute load average and core count: the figures are only comparable with this next to them. */
export function machineLoad(): string {
  const [one, five] = loadavg();
  return `load average ${one!.toFixed(2)} (1 min), ${five!.toFixed(2)} (5 min)`;
}

/** CPU time (user + system) of this process since `since`, in seconds. */
export function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The median of a list of numbers (of several timed calls). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

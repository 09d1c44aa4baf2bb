import type { Command } from '../command';

/** A command as `sawtooth --help` lists it; its module is imported only when it runs, so start-up stays fast. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/** Every sub-command, in the order `sawtooth --help` lists them. Add one: a file here, then a line below. */
export const commands: CommandEntry[] = [
  { name: 'up', summary: 'build and start the dashboard, the local model server, and the default evaluations', load: async () => (await import('./up')).upCommand },
  { name: 'eval', summary: 'run a suite against a model and print its per-family summary', load: async () => (await import('./eval')).evalCommand },
  { name: 'profile', summary: "print a model's stored profile on one suite (its latest completed run, or the runs named)", load: async () => (await import('./profile')).profileCommand },
  { name: 'models', summary: 'list, remove or rename stored models', load: async () => (await import('./models')).modelsCommand },
  { name: 'runs', summary: 'list, show, cancel, resume, retry the errors of, remove or log runs', load: async () => (await import('./runs')).runsCommand },
  { name: 'worker', summary: 'answer queued runs from the database until stopped', load: async () => (await import('./worker')).workerCommand },
  { name: 'workers', summary: 'list the live workers of every machine sharing the database', load: async () => (await import('./workers')).workersCommand },
  { name: 'train', summary: 'train a CTM / Transformer / LSTM checkpoint on parity or addition (or --eval-only one)', load: async () => (await import('./train')).trainCommand },
  { name: 'import', summary: 'import results from JSONL, lm-evaluation-harness samples or promptfoo as runs', load: async () => (await import('./import')).importCommand },
  { name: 'export', summary: 'export results (csv/json) of a run or a model, or a suite as a file', load: async () => (await import('./export')).exportCommand },
  { name: 'probes', summary: 'list the families and pairs of a suite, validate a suite file, report probe health, or import a paired dataset', load: async () => (await import('./probes')).probesCommand },
  { name: 'serve', summary: 'serve the local CTM / Transformer / LSTM checkpoints over an OpenAI-compatible API', load: async () => (await import('./serve')).serveCommand },
  { name: 'grade', summary: 'grade a JSONL file of responses offline (extracted answer, pass, reason per line)', load: async () => (await import('./grade')).gradeCommand },
  { name: 'db', summary: 'copy a SQLite database into an empty PostgreSQL database (counts checked)', load: async () => (await import('./db')).dbCommand },
  { name: 'seed', summary: 'fill a database with N realistic made-up results (for trying the dashboard at scale)', load: async () => (await import('./seed')).seedCommand },
  { name: 'battery', summary: 'run the simulated-model battery of the jaggedness verdict and print its pass rate per model', load: async () => (await import('./battery')).batteryCommand },
  { name: 'bench', summary: 'run the runner, dashboard and ML benchmarks (bench <name> <value> <unit> lines)', load: async () => (await import('./bench')).benchCommand },
];

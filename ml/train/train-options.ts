import type { ArchName } from '../models/architecture';
import type { TaskName } from '../tasks';

export interface TrainOptions {
  arch: ArchName;
  task: TaskName;
  seed: number;
  outDir: string;
  steps?: number;
  ticks?: number;
  resume: boolean;
  checkpointEvery: number;
  /** Model inputs of the shipped suite (task keys), kept out of training. */
  suiteKeys: string[];
  /** One sentence on where suiteKeys came from (for the card). */
  suiteNote: string;
  /** The command line, recorded in the card. */
  command: string;
  /** Progress output (stderr). */
  progress: (line: string) => void;
  /** Served model id (default `<arch>-<task>`). */
  name?: string;
  /**
   * Stop after this many steps, leaving only the training state behind (what a kill does): a later --resume goes
   * on from there. At the last step it defers the evaluation and card to that resume.
   */
  stopAfterSteps?: number;
  /** Overrides of the architecture's default model configuration (validated by its schema). */
  model?: Record<string, unknown>;
  /** Overrides of the architecture's training defaults. */
  peakLr?: number;
  batchSize?: number;
  /** Share of the run over which the length curriculum ramps up (0 = none; default: the architecture's). */
  curriculum?: number;
}

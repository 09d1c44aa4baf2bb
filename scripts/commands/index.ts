import type { Command } from '../command';
import { benchCommand } from './bench';
import { evalCommand } from './eval';
import { exportCommand } from './export';
import { gradeCommand } from './grade';
import { importCommand } from './import';
import { probesCommand } from './probes';
import { runsCommand } from './runs';
import { seedCommand } from './seed';
import { serveCommand } from './serve';
import { trainCommand } from './train';
import { upCommand } from './up';
import { workerCommand } from './worker';

/** Every sub-command, in the order `sawtooth --help` lists them. Add one: a file here, then a line below. */
export const commands: Command[] = [upCommand, evalCommand, runsCommand, workerCommand, trainCommand, importCommand, exportCommand, probesCommand, serveCommand, gradeCommand, seedCommand, benchCommand];

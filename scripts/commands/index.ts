import type { Command } from '../command';

/** Every sub-command, in the order `sawtooth --help` lists them. Add one: a file here, then a line below. */
export const commands: Command[] = [];

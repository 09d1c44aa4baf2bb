#!/usr/bin/env node
// The `sawtooth` command. It runs the TypeScript CLI through tsx's loader, so there is no separate build step.
import { register } from 'tsx/esm/api';

// `sawtooth probes list | head` closes our stdout early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

register();
const { main } = await import('../scripts/cli.ts');
process.exitCode = await main(process.argv.slice(2));

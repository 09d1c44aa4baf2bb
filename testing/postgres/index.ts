import { findPostgresBinaries, INSTALL_HINT, type PostgresBinaries } from './server-binaries';

export { startThrowawayCluster, type ThrowawayCluster } from './throwaway-cluster';
export { startKeptCluster, type KeptCluster } from './kept-cluster';
export { findPostgresBinaries, type PostgresBinaries } from './server-binaries';

let announced = false;

/**
 * The server binaries for a PostgreSQL test file, or null after one loud line saying the file's tests are skipped
 * and what to install (`.ci/run` installs it, so CI never skips). Use: `describe.skipIf(!postgresForTests())(…)`.
 */
export function postgresForTests(): PostgresBinaries | null {
  const found = findPostgresBinaries();
  if (!found && !announced) {
    announced = true;
    console.warn(`\n!!! SKIPPING the PostgreSQL tests: ${INSTALL_HINT} !!!\n`);
  }
  return found;
}

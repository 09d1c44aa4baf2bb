/**
 * Next.js calls register() once when the server starts. The dashboard server hosts a run worker, so that a run
 * started from the UI is answered without any other process (SAWTOOTH_WORKER=0 turns it off).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return; // eslint-disable-line no-restricted-properties -- Next's own switch, read before any of our modules load
  const { startServerWorker } = await import('./server/runner/server-worker');
  await startServerWorker();
}

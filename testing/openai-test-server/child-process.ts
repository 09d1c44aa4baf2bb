import type { OpenAITestServer } from './server';

/**
 * Runs a started test server as a child process: prints one JSON line {"url", "port"}, answers the IPC message
 * "stats" with its request count and CPU time, and closes on SIGTERM, SIGINT or when the parent disconnects.
 */
export function serveAsChildProcess(server: OpenAITestServer): void {
  const cpuAtStart = process.cpuUsage();
  console.log(JSON.stringify({ url: server.url, port: server.port }));
  process.on('message', (message) => {
    if (message === 'stats') {
      const cpu = process.cpuUsage(cpuAtStart);
      process.send?.({ requests: server.requests(), cpuMs: (cpu.user + cpu.system) / 1000 });
    }
  });
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}

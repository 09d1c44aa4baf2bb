// Starts the test server on its own (an echo model), for manual checks and for benchmarks that need the server in
// a separate process:  node --import tsx testing/openai-test-server/serve.ts
// Prints one JSON line {"url": …}. Under fork() it also answers the IPC message "stats" with its CPU use.
import { startOpenAITestServer } from './server';

const server = await startOpenAITestServer({ answer: (prompt) => `answer to ${prompt}` });
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

// Starts the test server on its own (an echo model), for manual checks and for benchmarks that need the server in
// a separate process:  node --import tsx testing/openai-test-server/serve.ts
// Prints one JSON line {"url": …}. Under fork() it also answers the IPC message "stats" with its CPU use.
import { startOpenAITestServer } from './server';
import { serveAsChildProcess } from './child-process';

const server = await startOpenAITestServer({ answer: (prompt) => `answer to ${prompt}` });
serveAsChildProcess(server);

// The benchmarks' OpenAI-compatible server, in its own process (so the runner being measured has the bench process
// to itself): the test server answering the generated arithmetic suite, with a fixed latency.
//   node --import tsx scripts/bench/test-server-child.ts <latencyMs>
// Prints one JSON line {"url": …}; answers the IPC message "stats" with its request count and CPU time.
import { arithmeticAnswer } from '../../testing/arithmetic-suite';
import { startOpenAITestServer } from '../../testing/openai-test-server';
import { serveAsChildProcess } from '../../testing/openai-test-server/child-process';

const latencyMs = Number(process.argv[2] ?? 0);
const server = await startOpenAITestServer({ answer: arithmeticAnswer, latencyMs });
serveAsChildProcess(server);

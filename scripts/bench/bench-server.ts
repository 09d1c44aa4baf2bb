import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface BenchServer {
  url: string;
  /** Requests the server has received, and the CPU time it has used (ms). */
  stats(): Promise<{ requests: number; cpuMs: number }>;
  close(): Promise<void>;
}

/** Starts the arithmetic test server with `latencyMs` in a child process; stop it with close() (by its PID). */
export async function startBenchServer(latencyMs: number): Promise<BenchServer> {
  const child = fork(fileURLToPath(new URL('./test-server-child.ts', import.meta.url)), [String(latencyMs)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const { url } = JSON.parse(line.toString()) as { url: string };
  return {
    url,
    async stats() {
      child.send('stats');
      const [reply] = (await once(child, 'message')) as [{ requests: number; cpuMs: number }];
      return reply;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The baseline: `n` chat requests sent with a bare fetch loop (`concurrency` at once) to the same server, nothing
 * parsed beyond JSON, nothing stored. What this machine, under its current load, allows a client to reach.
 */
export async function bareFetchLoop(url: string, n: number, concurrency: number): Promise<{ seconds: number; cpuSeconds: number }> {
  let next = 0;
  const send = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      const response = await fetch(`${url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'arith', messages: [{ role: 'user', content: `What is ${i} + 1? Give the number.` }] }),
      });
      await response.json();
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, send));
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

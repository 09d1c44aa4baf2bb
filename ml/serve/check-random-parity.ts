/**
 * The issue-11 acceptance check, against a running `sawtooth serve`: N freshly drawn random 16-bit parity probes
 * (core template), answered over HTTP, scored with a 95% Wilson interval.
 *   npx tsx ml/serve/check-random-parity.ts [--url http://127.0.0.1:8808/v1] [--model ctm-parity] [--n 400] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { wilson } from '../../evals/metrics/wilson';
import { parityOf, parityPrompt } from '../../evals/families/algorithmic/templates';
import { Prng } from '../runtime';

const { values } = parseArgs({
  options: { url: { type: 'string', default: 'http://127.0.0.1:8808/v1' }, model: { type: 'string', default: 'ctm-parity' }, n: { type: 'string', default: '400' }, seed: { type: 'string', default: '1' } },
});
const n = Number(values.n);
const rng = new Prng(Number(values.seed));
const strings = Array.from({ length: n }, () => Array.from({ length: 16 }, () => (rng.int(2) ? '1' : '0')).join(''));

async function ask(bits: string): Promise<boolean> {
  const response = await fetch(`${values.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: values.model, messages: [{ role: 'user', content: parityPrompt(bits) }] }),
  });
  if (!response.ok) throw new Error(`${values.url}: HTTP ${response.status} for ${bits}`);
  const body = (await response.json()) as { choices: { message: { content: string } }[] };
  return body.choices[0]!.message.content.trim() === parityOf(bits);
}

let correct = 0;
for (let start = 0; start < n; start += 16) correct += (await Promise.all(strings.slice(start, start + 16).map(ask))).filter(Boolean).length;
const w = wilson(correct, n);
console.log(`${values.model}: ${correct}/${n} random 16-bit parity probes right = ${(100 * w.acc!).toFixed(1)}% (95% ${(100 * w.lo!).toFixed(1)}–${(100 * w.hi!).toFixed(1)}%)`);

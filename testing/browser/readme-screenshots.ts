/**
 * Regenerates the README's screenshots from a running dashboard:
 *   node --import tsx testing/browser/readme-screenshots.ts http://127.0.0.1:3000 [model id]
 * (after `npm start` has evaluated the shipped models; the model page shown defaults to sawtooth-ctm).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const modelId = process.argv[3] ?? 'sawtooth-ctm';
const out = path.resolve('docs');
mkdirSync(out, { recursive: true });

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base);
  await page.getByTestId('leaderboard').waitFor();
  await page.screenshot({ path: path.join(out, 'leaderboard.png') });
  await page.goto(`${base}/how-to-read`);
  await page.getByTestId('how-to-read').waitFor();
  await page.screenshot({ path: path.join(out, 'how-to-read.png') });
  await page.goto(`${base}/models/${encodeURIComponent(modelId)}`);
  await page.getByTestId('sawtooth-chart').locator('.recharts-line-curve').first().waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(out, 'model-page.png'), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 2600 });
  await page.screenshot({ path: path.join(out, 'model-page-full.png'), fullPage: true });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
}

// The docs site in a real browser: builds are made by `pnpm --filter docs test:browser` before this
// runs; this serves .vitepress/dist on localhost and drives Debian's headless Chromium through both
// demos, saving screenshots to test-results/ (git-ignored).
import { getEncoding, getMachine, run } from '@cotlab/turing';
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { serveStatic, type StaticServer } from './static-server.js';

const docsDir = join(import.meta.dirname, '..');
const distDir = join(docsDir, '.vitepress', 'dist');
const artifacts = join(docsDir, 'test-results');

let server: StaticServer | undefined;
let browser: BrowserContext | undefined;
const consoleErrors: string[] = [];

async function open(path: string): Promise<Page> {
  if (browser === undefined || server === undefined) throw new Error('docs browser test: the browser or the server did not start');
  const page = await browser.newPage();
  page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()} (${m.location().url})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) consoleErrors.push(`${path}: HTTP ${r.status()} for ${r.url()}`);
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  return page;
}

const text = async (page: Page, testId: string): Promise<string> => (await page.getByTestId(testId).textContent()) ?? '';

/** Waits until a test id's text satisfies a predicate (the page updates asynchronously). */
async function waitForText(page: Page, testId: string, predicate: (t: string) => boolean, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const t = await text(page, testId);
    if (predicate(t)) return t;
    if (Date.now() > deadline) throw new Error(`docs browser test: [data-testid=${testId}] never satisfied the check; last text: ${t.slice(0, 300)}`);
    await page.waitForTimeout(100);
  }
}

beforeAll(async () => {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error('docs browser test: no built site in .vitepress/dist; run `pnpm --filter docs build` first (test:browser does)');
  await mkdir(artifacts, { recursive: true });
  server = await serveStatic(distDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Turing-machine playground', () => {
  it('steps binary increment on 1011 and writes the same CoT as the library', async () => {
    const page = await open('/demos/turing');
    await page.getByTestId('tm-machine').selectOption('binary-increment');
    await page.getByTestId('tm-input').fill('1011');
    await page.getByTestId('tm-input').dispatchEvent('change');
    await page.getByTestId('tm-encoding').selectOption('transitions');
    await page.getByTestId('tm-step').click();
    await waitForText(page, 'tm-steps', (t) => t === '1');
    expect(await text(page, 'tm-cot-length')).toBe('6');
    await page.getByTestId('tm-end').click();
    const direct = run(getMachine('binary-increment').spec, '1011');
    await waitForText(page, 'tm-output', (t) => t === direct.output);
    expect(direct.output).toBe('1100');
    expect(await text(page, 'tm-steps')).toBe(String(direct.steps));
    const cot = [...getEncoding('transitions').encode(getMachine('binary-increment').spec, '1011')];
    expect((await text(page, 'tm-cot')).trim()).toBe(cot.join(' '));
    await page.getByTestId('tm-encoding').selectOption('snapshots');
    const snapshots = [...getEncoding('snapshots').encode(getMachine('binary-increment').spec, '1011')];
    await waitForText(page, 'tm-cot', (t) => t.trim() === snapshots.join(' '));
    await page.screenshot({ path: join(artifacts, 'turing-playground.png'), fullPage: true });
  });

  it('runs a pasted machine in compact notation (the 2-state busy beaver)', async () => {
    const page = await open('/demos/turing');
    await page.getByTestId('tm-machine').selectOption('custom');
    await page.getByTestId('tm-spec').fill('1RB1LB_1LA1RZ');
    await page.getByTestId('tm-input').fill('');
    await page.getByTestId('tm-reset').click();
    await page.getByTestId('tm-end').click();
    await waitForText(page, 'tm-steps', (t) => t === '6');
    expect(await text(page, 'tm-result')).toContain('4 non-blank cells');
    await page.getByTestId('tm-spec').fill('{ not a machine');
    await page.getByTestId('tm-reset').click();
    await waitForText(page, 'tm-error', (t) => t.includes('machine: expected a JSON spec or compact notation'));
    await page.screenshot({ path: join(artifacts, 'turing-playground-custom.png'), fullPage: true });
  });
});

/** The bar: ≥ 95% held-out exact match within 60 s of pressing Train. */
const REQUIRED_EXACT_MATCH = 95;
const TRAINING_BUDGET_MS = 60_000;

describe('training demo', () => {
  it('trains the linear predictor in the page to ≥ 95% held-out exact match within 60 s', async () => {
    const page = await open('/demos/training');
    const backend = await waitForText(page, 'train-backend', (t) => t !== '', 30_000);
    const started = Date.now();
    await page.getByTestId('train-start').click();
    await waitForText(page, 'train-step', (t) => Number(t) >= 20, 30_000);
    await page.screenshot({ path: join(artifacts, 'training-demo-running.png'), fullPage: true });
    const exact = await waitForText(page, 'train-exact', (t) => t.endsWith('%'), TRAINING_BUDGET_MS);
    const seconds = (Date.now() - started) / 1000;
    await page.screenshot({ path: join(artifacts, 'training-demo-trained.png'), fullPage: true });
    process.stdout.write(`training demo: ${exact} held-out exact match after ${seconds.toFixed(1)} s in Chromium (backend ${backend})\n`);
    expect(Number.parseFloat(exact)).toBeGreaterThanOrEqual(REQUIRED_EXACT_MATCH);
    expect(seconds * 1000).toBeLessThanOrEqual(TRAINING_BUDGET_MS);
    // The loss curve was drawn.
    expect(await page.getByTestId('loss-curve').locator('polyline').getAttribute('points')).toMatch(/\d+(\.\d+)?,\d/);

    // Ask it about a word: 1011 0000 1111 0001 has 8 ones, count 01000, parity 0.
    await page.getByTestId('try-input').fill('1011 0000 1111 0001');
    await page.getByTestId('try-run').click();
    await waitForText(page, 'try-expected', (t) => t === '0');
    expect(await text(page, 'try-answer')).toBe('0');
    expect(await text(page, 'try-cot')).toBe('0 1 0 0 0 =');
    await page.getByTestId('try-input').fill('10x');
    await page.getByTestId('try-run').click();
    await waitForText(page, 'try-error', (t) => t.includes('input must be 16 bits'));
    await page.screenshot({ path: join(artifacts, 'training-demo-answer.png'), fullPage: true });
  });
});

describe('the site', () => {
  it('renders its pages without errors in the browser console', async () => {
    for (const path of ['/', '/theory/', '/theory/length-complexity', '/theory/experiments', '/guide/getting-started', '/guide/turing', '/reference/cli', '/api/', '/results/', '/results/multiplication']) {
      const page = await open(path);
      expect(await page.locator('h1').first().textContent()).not.toBe('');
      if (path === '/results/multiplication') await page.screenshot({ path: join(artifacts, 'results-multiplication.png'), fullPage: true });
      await page.close();
    }
    expect(consoleErrors).toEqual([]);
  });
});

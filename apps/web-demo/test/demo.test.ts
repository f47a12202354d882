import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { objectUrlAlive } from '@dl/conformance';
import { fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import { type Browser, chromium, type Page } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../chromium.shared';
import { sampleParams } from '../dev/sample-server';
import demoConfig from '../vite.config';

const outputDir = join(import.meta.dirname, '..', 'test-output');
let vite: ViteDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The demo's own config (with its sample-server plugin), loaded through this test's module graph.
  vite = await createServer({
    ...demoConfig,
    configFile: false,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await vite.listen();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 900, height: 760 } });
  await page.goto(vite.resolvedUrls!.local[0]!);
  // The page filled in the sample URL once its script ran.
  await page.waitForFunction(() => (document.getElementById('url') as HTMLInputElement | null)?.value, null, {
    timeout: 15_000,
  });
  await mkdir(outputDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await vite?.close();
});

const percent = async () => Number((await page.textContent('#percent'))!.replace('%', ''));

it('downloads the sample: headers arrive, the bar reaches 100%, a link to the file appears', async () => {
  expect(await page.inputValue('#url')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/file\?/);
  const seen: number[] = [];
  await page.click('#download');
  await expect
    .poll(() => page.textContent('#headers'), { timeout: 10_000 })
    .toContain(`content-length: ${sampleParams.size}`);
  // Sample the bar while it moves, to prove it moved rather than jumped.
  while ((await page.getAttribute('#status', 'data-state')) === 'running') {
    seen.push(await percent());
    await page.waitForTimeout(100);
  }
  expect(await page.textContent('#status')).toBe('Done: downloadFile:ok');
  expect(await percent(), 'the bar reached 100').toBe(100);
  expect(await page.getAttribute('#bar', 'aria-valuenow')).toBe('100');
  expect(
    seen.filter((p) => p > 0 && p < 100).length,
    'the bar showed values between 0 and 100',
  ).toBeGreaterThan(3);
  const href = await page.getAttribute('#file', 'href');
  expect(href).toMatch(/^blob:/);
  expect(await page.isVisible('#file')).toBe(true);
  // The link really holds the file: read it back in the page.
  const size = await page.evaluate(async (url) => (await (await fetch(url)).blob()).size, href!);
  expect(size).toBe(sampleParams.size);
  await page.screenshot({ path: join(outputDir, 'web-demo-complete.png'), fullPage: true });
});

/** Whether a `blob:` URL still answers, fetched in the page. */
const resolves = (url: string) => page.evaluate(objectUrlAlive, url);

it("a new download releases the previous file's blob: URL, and links the new one", async () => {
  const previous = await page.getAttribute('#file', 'href');
  expect(previous, 'the link of the download before').toMatch(/^blob:/);
  expect(await resolves(previous!)).toBe(true);
  const base = new URL(await page.inputValue('#url')).origin;
  await page.fill('#url', fileUrl(base, { size: 1000 }));
  await page.click('#download');
  await expect.poll(() => page.textContent('#status'), { timeout: 10_000 }).toBe('Done: downloadFile:ok');
  expect(await resolves(previous!), 'the previous blob: URL is released').toBe(false);
  const current = await page.getAttribute('#file', 'href');
  expect(current).not.toBe(previous);
  expect(await resolves(current!)).toBe(true);
});

it('Abort stops a running download: the bar stops short of 100 and the server sees the hang-up', async () => {
  const base = new URL(await page.inputValue('#url')).origin;
  const id = newRequestId();
  await page.fill('#url', fileUrl(base, { ...sampleParams, delay: 40, id }));
  await page.click('#download');
  await expect.poll(percent, { timeout: 10_000 }).toBeGreaterThan(5);
  await page.click('#abort');
  await expect
    .poll(() => page.textContent('#status'), { timeout: 5_000 })
    .toBe('Aborted: downloadFile:fail abort');
  const stoppedAt = await percent();
  expect(stoppedAt).toBeLessThan(100);
  await page.waitForTimeout(600);
  expect(await percent(), 'no progress after abort').toBe(stoppedAt);
  expect(await page.isVisible('#file')).toBe(false);
  await expect
    .poll(async () => (await fetchLog(base, id)).find((r) => r.path === '/file')?.clientAborted, {
      timeout: 5_000,
    })
    .toBe(true);
  await page.screenshot({ path: join(outputDir, 'web-demo-aborted.png'), fullPage: true });
});

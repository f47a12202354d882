import { join } from 'node:path';
import { objectUrlAlive, testServerUrl } from '@dl/conformance';
import { fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../chromium.shared';
import { type StaticServer, serveStatic } from './static-server';

/**
 * The demos' download page as a person uses it, in a web build: every framework demo renders the same
 * page with the same element ids (`#url` holding an input, `#download`, `#abort`, `#status` with
 * `data-state`, `#percent` with `data-percent`, `#headers`, `#saved` with `data-path` and `data-size`),
 * routed at `#/pages/index/index?url=…`.
 */
export interface DownloadPageOptions {
  /** The framework's name, for the test titles and screenshot names. */
  framework: string;
  /** The web build's folder. */
  dir: string;
  /** Where screenshots go. */
  screenshots: string;
}

/**
 * Registers the browser scenario: the build served as built (a static server on loopback) and opened in
 * headless Chromium; the page downloads from the test server with @dl/h5, the URL reaching it as the
 * page's `url` parameter. Checked in the page (headers, progress to 100, the `blob:` holds every byte) and
 * in the server's request log; then a second download releases the first file and Abort stops it.
 */
export function describeDownloadPage({ framework, dir, screenshots }: DownloadPageOptions): void {
  let site: StaticServer;
  let browser: Browser;
  let page: Page;
  /** The `blob:` URL of the finished download, which the next download releases. */
  let previousFile: string | undefined;

  beforeAll(async () => {
    site = await serveStatic(dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 480, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Opens the page with the download URL as its parameter, and waits until the framework has rendered it. */
  async function open(url: string) {
    await page.goto(`${site.url}/#/pages/index/index?url=${encodeURIComponent(url)}`);
    await page.waitForSelector('#status', { timeout: 15_000 });
    await expect.poll(() => page.locator('#url input').inputValue()).toBe(url);
  }

  /** Whether a `blob:` URL still answers, fetched in the page. */
  const resolves = (url: string) => page.evaluate(objectUrlAlive, url);

  const state = () => page.getAttribute('#status', 'data-state');
  const percent = async () => Number(await page.getAttribute('#percent', 'data-percent'));

  describe(`${framework} web build in Chromium`, () => {
    it('downloads: headers, progress to 100, the blob holds every byte the server sent', async () => {
      const size = 3 * 1024 * 1024;
      const id = newRequestId();
      await open(fileUrl(testServerUrl(), { size, chunk: 65_536, delay: 10, id }));
      const seen: number[] = [];
      await page.click('#download');
      await expect
        .poll(() => page.textContent('#headers'), { timeout: 10_000 })
        .toContain(`content-length: ${size}`);
      while ((await state()) === 'running') {
        seen.push(await percent());
        await page.waitForTimeout(50);
      }
      expect(await page.textContent('#status')).toBe('Done: downloadFile:ok (HTTP 200)');
      expect(await page.textContent('#headers')).toMatch(/^HTTP 200\n/);
      expect(await percent(), 'progress reached 100').toBe(100);
      expect(
        seen.some((p) => p > 0 && p < 100),
        'progress between 0 and 100',
      ).toBe(true);
      expect(Number(await page.getAttribute('#saved', 'data-size')), 'dataLength').toBe(size);
      const path = (await page.getAttribute('#saved', 'data-path'))!;
      expect(path).toMatch(/^blob:/);
      const blobSize = await page.evaluate(async (href) => (await (await fetch(href)).blob()).size, path);
      expect(blobSize, 'the saved blob').toBe(size);
      previousFile = path;
      const log = (await fetchLog(testServerUrl(), id)).filter((request) => request.path === '/file');
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ method: 'GET', finished: true, clientAborted: false, bytesSent: size });
      await page.screenshot({ path: join(screenshots, `${framework}-h5-complete.png`), fullPage: true });
    });

    it('a new download releases the last file; Abort stops it: status ABORTED, no more progress, the server sees the hang-up', async () => {
      const id = newRequestId();
      // The same page instance as the download before: type the next URL in.
      const url = fileUrl(testServerUrl(), { size: 8 * 1024 * 1024, chunk: 65_536, delay: 40, id });
      await page.fill('#url input', url);
      await page.click('#download');
      expect(await resolves(previousFile!), "the previous download's blob: URL is released").toBe(false);
      await expect.poll(percent, { timeout: 10_000 }).toBeGreaterThan(2);
      await page.click('#abort');
      await expect.poll(state, { timeout: 5_000 }).toBe('failed');
      expect(await page.textContent('#status')).toBe('ABORTED: downloadFile:fail abort');
      const stoppedAt = await percent();
      expect(stoppedAt).toBeLessThan(100);
      await page.waitForTimeout(400);
      expect(await percent(), 'no progress after abort').toBe(stoppedAt);
      expect(await page.$('#saved')).toBeNull();
      await expect
        .poll(
          async () => (await fetchLog(testServerUrl(), id)).find((r) => r.path === '/file')?.clientAborted,
          {
            timeout: 5_000,
          },
        )
        .toBe(true);
      await page.screenshot({ path: join(screenshots, `${framework}-h5-aborted.png`), fullPage: true });
    });
  });
}

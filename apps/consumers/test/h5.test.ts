import { execFile as execFileCallback } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { testServerUrl } from '@dl/conformance';
import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../chromium.shared';
import { consumerEnv } from './projects';

const execFile = promisify(execFileCallback);
const dir = inject('consumerDirs')['h5-app'];
// The project's Vite would come from the registry; this is the workspace's, run in the project.
const VITE = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

let site: Server;
let browser: Browser;

/** Serves the built site (dist/) on 127.0.0.1, as any static host would. */
function serve(root: string): Promise<Server> {
  const http = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(root, normalize(path === '/' ? '/index.html' : path));
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve(http)));
}

beforeAll(async () => {
  await execFile(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: dir, env: consumerEnv() });
  site = await serve(join(dir, 'dist'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  site?.close();
});

it('a web page: the installed @dl/h5, built by Vite, downloads the exact bytes in Chromium', async () => {
  const bundle = await readFile(join(dir, 'dist/index.html'), 'utf8');
  expect(bundle).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
  const page = await browser.newPage();
  const { port } = site.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  const size = 2 * 1024 * 1024 + 5;
  const seed = 31;
  const url = fileUrl(testServerUrl(), { size, seed });
  const result = await page.evaluate(
    (href) =>
      (window as unknown as { dlDownload(url: string): Promise<Record<string, unknown>> }).dlDownload(href),
    url,
  );
  expect(result).toMatchObject({ adapter: 'h5', statusCode: 200, dataLength: size, size, lastProgress: 100 });
  expect(result.tempFilePath).toMatch(/^blob:http:\/\/127\.0\.0\.1:/);
  const expected = createHash('sha256')
    .update(contentBytes(seed, 0, size))
    .digest('hex');
  expect(result.sha256, 'the SHA-256 of the expected content').toBe(expected);
  await page.close();
});

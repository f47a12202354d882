/**
 * `pnpm bench:browser`: @dl/h5 in headless Chromium against the code a web developer writes instead —
 * one large body to a `blob:` URL and to the Origin Private File System, then many small ones and many
 * empty ones to `blob:` URLs, 10 at once. Each run gets a fresh browser
 * (so one contender's memory never counts for another), opens a page on the test server's origin (served
 * by Playwright's routing, then unrouted, so the downloads go to the server untouched), downloads a small
 * body unmeasured, then the measured one. Contenders interleaved, order rotated each round, round 0
 * discarded, medians. Writes its section into docs/performance.md (a `--quick` run only prints).
 *
 * Flags: `--quick` (32 MiB, 2 rounds), `--rounds=N`, `--max-wait=MINUTES`, `--no-write`.
 */

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServerProcess } from '@dl/test-server/process';
import { fileUrl } from '@dl/test-server/scenarios';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../chromium.shared';
import { flag, maxWait, quick, rounds } from './args';
import { peaksAbove, processTree, resetPeaks } from './browser/process-memory';
import {
  type BrowserMeasured,
  browserMarkdown,
  type ManyMeasured,
  type ManyRun,
  updateBrowserSection,
} from './browser/report';
import { machineNotes, waitForQuiet } from './machine';

const size = quick ? 32 * 2 ** 20 : 200 * 2 ** 20;
const CONCURRENCY = 10;

interface ManyPlan {
  suite: 'many4k' | 'overhead';
  count: number;
  size: number;
  warmCount: number;
}
const manyPlans: ManyPlan[] = [
  { suite: 'many4k', count: quick ? 200 : 1000, size: 4096, warmCount: 50 },
  { suite: 'overhead', count: quick ? 400 : 2000, size: 0, warmCount: 100 },
];
const write = !quick && !flag('no-write');

const pageEntry = fileURLToPath(new URL('./browser/page.ts', import.meta.url));
// @dl/h5 as users get it (its built dist), bundled for the page as a web app would be.
const bundle = await build({
  entryPoints: [pageEntry],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  write: false,
  logLevel: 'error',
});
const script = bundle.outputFiles[0]?.text as string;

interface Bench {
  run(name: string, url: string): Promise<{ ms: number; size: number }>;
  runMany(
    name: string,
    url: string,
    count: number,
    concurrency: number,
  ): Promise<{ ms: number; sizes: number[] }>;
  release(): Promise<void>;
  names: string[];
}

/** A fresh headless Chromium with the bench page open on the test server's origin. */
async function openPage(serverUrl: string) {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const browser = await chromium.connect(server.wsEndpoint());
  chromiumVersion = `Chromium ${browser.version()}`;
  const page = await browser.newPage();
  const pageUrl = `${serverUrl}/__bench/index.html`;
  await page.route(pageUrl, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><script>${script}</script>` }),
  );
  await page.goto(pageUrl);
  await page.unrouteAll();
  return { server, browser, page };
}

async function runOnce(name: string, url: string, warmUrl: string, serverUrl: string) {
  const { server, browser, page } = await openPage(serverUrl);
  try {
    const warm = await page.evaluate(
      ([n, u]) => (globalThis as unknown as { bench: Bench }).bench.run(n, u),
      [name, warmUrl] as const,
    );
    if (warm.size <= 0) throw new Error(`${name}: warm-up saved nothing`);
    await page.evaluate(() => (globalThis as unknown as { bench: Bench }).bench.release());
    const pids = processTree(server.process().pid as number);
    const snapshot = resetPeaks(pids);
    const result = await page.evaluate(
      ([n, u]) => (globalThis as unknown as { bench: Bench }).bench.run(n, u),
      [name, url] as const,
    );
    const memory = peaksAbove(snapshot, processTree(server.process().pid as number));
    if (result.size !== size) throw new Error(`${name} saved ${result.size} bytes, not ${size}`);
    await page.evaluate(() => (globalThis as unknown as { bench: Bench }).bench.release());
    await browser.close();
    return { seconds: result.ms / 1000, ...memory };
  } finally {
    await server.close();
  }
}

/** Many small bodies, 10 at once, in a fresh browser: an unmeasured batch first, then the measured one. */
async function runManyOnce(name: string, plan: ManyPlan, url: string, warmUrl: string, serverUrl: string) {
  const { server, browser, page } = await openPage(serverUrl);
  try {
    const bench = (n: string, u: string, count: number) =>
      page.evaluate(([n, u, c, k]) => (globalThis as unknown as { bench: Bench }).bench.runMany(n, u, c, k), [
        n,
        u,
        count,
        CONCURRENCY,
      ] as const);
    await bench(name, warmUrl, plan.warmCount);
    await page.evaluate(() => (globalThis as unknown as { bench: Bench }).bench.release());
    const result = await bench(name, url, plan.count);
    const wrong = result.sizes.filter((saved) => saved !== plan.size).length;
    if (result.sizes.length !== plan.count || wrong > 0)
      throw new Error(`${name} saved ${result.sizes.length} files, ${wrong} of the wrong size`);
    await browser.close();
    return result.ms / 1000;
  } finally {
    await server.close();
  }
}

const { load, quiet } = await waitForQuiet(1.5, maxWait);
const machine = machineNotes(load, quiet);
const testServer = await startTestServerProcess();
let chromiumVersion = CHROMIUM;
const names = [
  '@dl/h5 (default)',
  '@dl/h5 fetch transport',
  '@dl/h5 xhr transport',
  'fetch reader → new Blob(chunks)',
  'fetch → response.blob()',
  "XHR responseType 'blob'",
  "axios responseType 'blob'",
  'ky .blob()',
  'ky .blob() with onDownloadProgress',
  '@dl/h5 filePath (OPFS)',
  'fetch body.pipeTo(OPFS createWritable)',
];
// The many-files contenders: every `blob:` contender but two, to keep the run short: @dl/h5's fetch
// transport (the default is fetch) and ky's progress variant.
const manyNames = names.filter((name) => !/fetch transport|onDownloadProgress|OPFS/.test(name));
const many: ManyRun[] = [];
const measured: BrowserMeasured[] = names.map((name) => ({
  name,
  seconds: [],
  renderer: [],
  browser: [],
  all: [],
}));
try {
  const url = fileUrl(testServer.url, { size, seed: 7 });
  const warmUrl = fileUrl(testServer.url, { size: 2 ** 20, seed: 8 });
  for (let round = 0; round <= rounds; round++) {
    for (let i = 0; i < measured.length; i++) {
      const entry = measured[(i + round) % measured.length] as BrowserMeasured;
      if (entry.failed) continue;
      try {
        const result = await runOnce(entry.name, url, warmUrl, testServer.url);
        if (round === 0) continue;
        entry.seconds.push(result.seconds);
        entry.renderer.push(result.renderer);
        entry.browser.push(result.browser);
        entry.all.push(result.all);
      } catch (error) {
        entry.failed = String(error).split('\n')[0];
        console.log(`${entry.name} failed: ${entry.failed}`);
      }
    }
    process.stdout.write(`chromium: round ${round}/${rounds} done\n`);
  }
  for (const plan of manyPlans) {
    const url = fileUrl(testServer.url, { size: plan.size, seed: 9 });
    const warmUrl = fileUrl(testServer.url, { size: plan.size, seed: 10 });
    const entries: ManyMeasured[] = manyNames.map((name) => ({ name, seconds: [] }));
    many.push({ suite: plan.suite, count: plan.count, size: plan.size, measured: entries });
    for (let round = 0; round <= rounds; round++) {
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[(i + round) % entries.length] as ManyMeasured;
        if (entry.failed) continue;
        try {
          const seconds = await runManyOnce(entry.name, plan, url, warmUrl, testServer.url);
          if (round > 0) entry.seconds.push(seconds);
        } catch (error) {
          entry.failed = String(error).split('\n')[0];
          console.log(`${entry.name} (${plan.suite}) failed: ${entry.failed}`);
        }
      }
      process.stdout.write(`chromium ${plan.suite}: round ${round}/${rounds} done\n`);
    }
  }
} finally {
  await testServer.stop();
}

const section = browserMarkdown({ machine, rounds, size, chromium: chromiumVersion, measured, many });
console.log(`\n${section}\n`);
if (write) {
  const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
  await updateBrowserSection(join(docs, 'performance.md'), section);
  console.log('wrote docs/performance.md');
}

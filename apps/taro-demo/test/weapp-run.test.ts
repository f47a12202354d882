import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { testServerUrl } from '@dl/conformance';
import { fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import { createWxEmulator, type MiniProgramEmulator } from '@dl/weapp-emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { outputDir } from './build';

/**
 * The weapp bundle, run. A Node `vm` context is a bare JavaScript realm: ECMAScript's built-ins and
 * nothing else, `globalThis` removed too. Given only what a mini-program gives its code (`wx`, here the
 * emulator doing real HTTP and file I/O, timers and `console`), it loads the chunks `app.js` loads
 * (runtime, taro, vendors, dl: not app.js itself, which would start Taro's app), then downloads with the
 * `downloadFile` that the demo page imports: dl's code exactly as Taro bundled it.
 */
const dir = outputDir('weapp');
let wx: MiniProgramEmulator;
let userData: string;
type Dl = typeof import('@dl/taro');
let dl: Dl;

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'taro-weapp-'));
  wx = await createWxEmulator({ userDataPath: userData });
  const context = vm.createContext({ wx, console, setTimeout, clearTimeout, setInterval, clearInterval });
  vm.runInContext('delete globalThis.globalThis', context);
  const app = await readFile(join(dir, 'app.js'), 'utf8');
  const chunks = [...app.matchAll(/require\("\.\/([\w-]+)"\)/g)].map((match) => `${match[1]}.js`);
  expect(chunks).toContain('dl.js');
  for (const chunk of chunks)
    vm.runInContext(await readFile(join(dir, chunk), 'utf8'), context, { filename: chunk });
  // A chunk's third element is a callback webpack calls with its `require`: the way in from outside.
  let require: ((id: string) => unknown) | undefined;
  context.capture = (fn: typeof require) => {
    require = fn;
  };
  vm.runInContext('wx.webpackJsonp.push([["outside"], {}, function (r) { capture(r) }])', context);
  const ids = Object.keys((require as unknown as { m: object }).m).filter((id) =>
    /(?:^|\/)(?:packages|node_modules\/@dl)\/taro\/dist\//.test(id),
  );
  expect(ids).toHaveLength(1);
  dl = require!(ids[0]!) as Dl;
});

afterAll(async () => {
  await wx?.dispose();
  await rm(userData, { recursive: true, force: true });
});

it('downloads through wx in a realm with no web or Node globals: headers, progress to 100, the file', async () => {
  const size = 300_000;
  const id = newRequestId();
  const events: string[] = [];
  let percent = -1;
  const task = dl.downloadFile({ url: fileUrl(testServerUrl(), { size, chunk: 65_536, id }) });
  task.onHeadersReceived(({ statusCode }) => events.push(`headers ${statusCode}`));
  task.onProgressUpdate(({ progress }) => {
    percent = progress;
  });
  const result = await task;
  expect(result).toMatchObject({ errMsg: 'downloadFile:ok', statusCode: 200, dataLength: size });
  expect(events).toEqual(['headers 200']);
  expect(percent).toBe(100);
  expect((await stat(wx.resolvePath(result.tempFilePath!))).size).toBe(size);
  const log = (await fetchLog(testServerUrl(), id)).filter((request) => request.path === '/file');
  expect(log).toMatchObject([{ finished: true, clientAborted: false, bytesSent: size }]);
});

it('abort() fails the task with ABORTED, and the server sees the hang-up', async () => {
  const id = newRequestId();
  const task = dl.downloadFile({
    url: fileUrl(testServerUrl(), { size: 4_000_000, chunk: 65_536, delay: 30, id }),
  });
  await new Promise<void>((resolve) => task.onProgressUpdate(() => resolve()));
  task.abort();
  const error = await task.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  // (The page takes isDownloadError from @dl/core's module, so the bundle keeps it there, not here.)
  expect(error).toMatchObject({ code: 'ABORTED', errMsg: 'downloadFile:fail abort' });
  await expect
    .poll(async () => (await fetchLog(testServerUrl(), id)).find((r) => r.path === '/file')?.clientAborted)
    .toBe(true);
});

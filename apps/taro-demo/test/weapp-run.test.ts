import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { weappBundleScenarios } from '@dl/demo-testing/weapp-scenarios';
import { createWxEmulator, type MiniProgramEmulator } from '@dl/weapp-emulator';
import { afterAll, beforeAll, expect } from 'vitest';
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

weappBundleScenarios(() => ({ downloadFile: dl.downloadFile, wx }));

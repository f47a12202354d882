import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { createRealm } from '@dl/conformance/realm';
import { weappBundleScenarios } from '@dl/demo-testing/weapp-scenarios';
import { createWxEmulator, type MiniProgramEmulator } from '@dl/weapp-emulator';
import { afterAll, beforeAll } from 'vitest';
import { outputDir } from './build';

/**
 * The mp-weixin bundle, run. A bare realm (`@dl/conformance/realm`: ECMAScript 2017's built-ins, timers and
 * `console`; no web or Node global, no `globalThis`) given what WeChat gives a mini-program's code: `wx`
 * (here the emulator, doing real HTTP and file I/O) and the framework's globals (`App`, `Page`,
 * `Component`, `getApp`, `global`, …), which uni-app's runtime reads as it loads and dl never touches. It
 * loads uni-app's runtime chunk (`common/vendor.js`, Vue and uni-app's copy of `wx`) and dl's chunk
 * (`dl.js`), then downloads with the `downloadFile` the page imports: dl's code exactly as uni-app
 * bundled it, reaching `wx` through uni-app's copy.
 */
const dir = outputDir('mp-weixin');
let wx: MiniProgramEmulator;
let userData: string;
type Dl = typeof import('@dl/uni');
let dl: Dl;

/** What uni-app's runtime asks `wx` about the device as it loads (its rpx conversion and locale). */
const deviceInfo = {
  platform: 'devtools',
  windowWidth: 375,
  pixelRatio: 2,
  language: 'en',
  SDKVersion: '3.8.0',
};

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'uni-mp-weixin-'));
  wx = await createWxEmulator({ userDataPath: userData });
  const device = {
    getSystemInfoSync: () => deviceInfo,
    getAppBaseInfo: () => deviceInfo,
    getWindowInfo: () => deviceInfo,
    getDeviceInfo: () => deviceInfo,
  };
  const realm = createRealm({
    // uni-app copies `wx`'s enumerable methods, inherited ones included, into its own `wx`.
    lexicalGlobals: { wx: Object.assign(Object.create(wx), device) },
    globals: {
      App() {},
      Page() {},
      Component() {},
      Behavior() {},
      getApp: () => undefined,
      getCurrentPages: () => [],
      global: {},
    },
  });
  const modules = new Map<string, unknown>();
  const load = async (file: string) => {
    const exports = realm.load(await readFile(join(dir, file), 'utf8'), (specifier) => {
      const path = posix.join(posix.dirname(file), specifier);
      if (!modules.has(path)) throw new Error(`${file} requires ${specifier}, not loaded before it`);
      return modules.get(path);
    });
    modules.set(file, exports);
    return exports;
  };
  await load('common/vendor.js');
  dl = (await load('dl.js')) as Dl;
});

afterAll(async () => {
  await wx?.dispose();
  await rm(userData, { recursive: true, force: true });
});

weappBundleScenarios(() => ({ downloadFile: dl.downloadFile, wx }));

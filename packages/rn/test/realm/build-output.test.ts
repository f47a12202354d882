import { checkGlobals, createRealm } from '@dl/conformance/realm';
import { describe, expect, it } from 'vitest';
import { bundleRn, reactNativeRealm } from './built-rn';

describe('the built @dl/rn as Metro bundles it', () => {
  it('parses as ECMAScript 2015 and names no web global (older React Native lacks or breaks them)', async () => {
    // `crypto` and `reportError` are read only behind a `typeof` check.
    expect(checkGlobals(await bundleRn(), ['crypto', 'reportError'])).toEqual({ webOnly: [], unknown: [] });
  });
});

describe('the built app entry', () => {
  it('exports the portable surface plus the default backend and downloadFile', async () => {
    const fakeBlobUtil = { fs: { dirs: { CacheDir: '/cache', DocumentDir: '/docs' } }, config: () => ({}) };
    const entry = createRealm().load<Record<string, unknown>>(await bundleRn(), (specifier) => {
      if (specifier === 'react-native-blob-util') return { default: fakeBlobUtil, __esModule: true };
      throw new Error(`no module ${specifier}`);
    });
    expect(Object.keys(entry).sort()).toEqual([
      'DownloadError',
      'NativeFailure',
      'adapter',
      'blobUtilBackend',
      'createBlobUtilBackend',
      'createDownloader',
      'downloadFile',
      'isDownloadError',
      'toFileUrl',
      'toPlainPath',
    ]);
  });
});

describe("the realms' URL is React Native's own", () => {
  it('0.76: the accessors throw "not implemented", as on React Native 0.76 and earlier', async () => {
    const realm = await reactNativeRealm('0.76');
    expect(() => realm.evaluate("new URL('http://127.0.0.1:8080/a').pathname")).toThrow(/not implemented/);
    expect(() => realm.evaluate("new URL('http://127.0.0.1:8080/a').protocol")).toThrow(/not implemented/);
  });

  it('0.88: the accessors work, by regular expressions', async () => {
    const realm = await reactNativeRealm('0.88');
    expect(realm.evaluate("new URL('http://127.0.0.1:8080/a?b').pathname")).toBe('/a');
    expect(realm.evaluate("new URL('http://127.0.0.1:8080/a').host")).toBe('127.0.0.1:8080');
  });

  it('neither realm has the other web globals', async () => {
    const realm = await reactNativeRealm('0.76');
    for (const name of ['AbortController', 'queueMicrotask', 'fetch', 'TextEncoder', 'Headers']) {
      expect(realm.evaluate(`typeof ${name}`), name).toBe('undefined');
    }
  });
});

describe('without react-native-blob-util', () => {
  it.each([
    ['resolves to nothing (not installed, or an empty stub)', undefined],
    ['has no native side (installed, not linked)', { fs: undefined, config: undefined }],
  ])('a library that %s fails at load, naming the library and the install command', async (_how, module) => {
    const code = await bundleRn();
    const load = () =>
      createRealm().load(code, (specifier) => {
        if (specifier === 'react-native-blob-util') return { default: module, __esModule: true };
        throw new Error(`no module ${specifier}`);
      });
    expect(load).toThrow(
      /needs react-native-blob-util \(>=0\.22\.0 <1\).*`npm install react-native-blob-util`/,
    );
  });
});

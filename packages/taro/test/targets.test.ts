import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adaptersIn, bundleBuilt, createRealm } from '@dl/conformance/realm';
import { describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('@dl/taro picks one adapter per target at build time', () => {
  it.each([
    ['weapp', 'weapp'],
    ['alipay', 'weapp'],
    ['tt', 'weapp'],
    ['h5', 'h5'],
  ])('TARO_ENV=%s: the bundle holds %s alone, and its adapter says so', async (env, expected) => {
    const code = await bundleBuilt('@dl/taro', packageDir, {
      define: { 'process.env.TARO_ENV': JSON.stringify(env) },
    });
    expect(adaptersIn(code)).toEqual([expected]);
    if (expected === 'weapp') {
      const realm = createRealm({ lexicalGlobals: { wx: { downloadFile: () => ({ abort() {} }) } } });
      expect(realm.load<{ adapter: { name: string } }>(code).adapter.name).toBe('weapp');
    }
  });

  it("React Native (Metro's react-native condition): @dl/rn alone, loading with the native library", async () => {
    const code = await bundleBuilt('@dl/taro', packageDir, {
      conditions: ['react-native'],
      external: ['react-native-blob-util'],
    });
    expect(adaptersIn(code)).toEqual(['rn']);
    const fakeBlobUtil = { fs: { dirs: { CacheDir: '/cache', DocumentDir: '/docs' } }, config: () => ({}) };
    const entry = createRealm().load<{ adapter: { name: string }; releaseFile(path: string): void }>(
      code,
      (specifier) => {
        if (specifier === 'react-native-blob-util') return { default: fakeBlobUtil, __esModule: true };
        throw new Error(`no module ${specifier}`);
      },
    );
    expect(entry.adapter.name).toBe('rn');
    expect(() => entry.releaseFile('file:///cache/x')).not.toThrow();
  });

  it('createDownloader hands each target its own options: the queue size everywhere, the transport on H5', async () => {
    type Entry = typeof import('../src/index');
    const weappCode = await bundleBuilt('@dl/taro', packageDir, {
      define: { 'process.env.TARO_ENV': '"weapp"' },
    });
    const calls: string[] = [];
    const other = {
      downloadFile(options: { url: string; success(result: object): void }) {
        calls.push(options.url);
        setTimeout(() => options.success({ statusCode: 200, tempFilePath: 'wxfile://tmp/1', dataLength: 3 }));
        return { abort() {} };
      },
    };
    const weapp = createRealm({
      lexicalGlobals: { wx: { downloadFile: () => ({ abort() {} }) } },
    }).load<Entry>(weappCode);
    const bound = weapp.createDownloader({ maxConcurrent: 3, platform: other as never });
    expect(bound.adapter.capabilities.maxConcurrent).toBe(3);
    await bound.downloadFile({ url: 'https://example.com/other' });
    expect(calls).toEqual(['https://example.com/other']);

    const h5Code = await bundleBuilt('@dl/taro', packageDir, { define: { 'process.env.TARO_ENV': '"h5"' } });
    const module = { exports: {} as Entry };
    new Function('module', 'exports', h5Code)(module, module.exports);
    const xhr = module.exports.createDownloader({ maxConcurrent: 4, transport: 'xhr' });
    expect(xhr.adapter.capabilities).toMatchObject({ maxConcurrent: 4, resume: false });
    expect(module.exports.createDownloader().adapter.capabilities.resume).toBe(true);
  });
});

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adaptersIn, bundleBuilt, createRealm } from '@dl/conformance/realm';
import { describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @dl/uni bundled as uni-app's bundler sees it for a target: `process.env.UNI_PLATFORM` replaced. */
const bundleFor = (target: string) =>
  bundleBuilt('@dl/uni', packageDir, { define: { 'process.env.UNI_PLATFORM': JSON.stringify(target) } });

type Entry = typeof import('../src/index');

/** A `wx`-like object that records which object a download went to, and answers at once. */
function fakePlatform(name: string, calls: string[]) {
  return {
    downloadFile(options: { url: string; success(result: object): void }) {
      calls.push(`${name} ${options.url}`);
      setTimeout(() => options.success({ statusCode: 200, tempFilePath: `${name}://tmp/1`, dataLength: 3 }));
      return { abort() {} };
    },
  };
}

/** Each mini-program target with the object uni-app's compiler for it names as the platform's `global`. */
const MINI_PROGRAMS = [
  ['mp-weixin', 'wx'],
  ['mp-alipay', 'my'],
  ['mp-toutiao', 'tt'],
  ['mp-lark', 'tt'],
  ['mp-baidu', 'swan'],
  ['mp-qq', 'qq'],
  ['mp-jd', 'jd'],
  ['mp-kuaishou', 'ks'],
  ['mp-xhs', 'xhs'],
  ['mp-harmony', 'has'],
] as const;
const ALL_OBJECTS = ['wx', 'my', 'tt', 'swan', 'qq', 'jd', 'ks', 'xhs', 'has'];

describe('@dl/uni picks one adapter per uni-app target at build time', () => {
  it.each(MINI_PROGRAMS)('UNI_PLATFORM=%s: weapp alone, downloading with `%s`', async (target, object) => {
    const code = await bundleFor(target);
    expect(adaptersIn(code)).toEqual(['weapp']);
    // Every object present, as on platforms that define `wx` beside their own: the target's is used.
    const calls: string[] = [];
    const objects = Object.fromEntries(ALL_OBJECTS.map((name) => [name, fakePlatform(name, calls)]));
    const entry = createRealm({ lexicalGlobals: objects }).load<Entry>(code);
    expect(entry.adapter.name).toBe('weapp');
    const result = await entry.downloadFile({ url: 'https://example.com/a' });
    expect(calls).toEqual([`${object} https://example.com/a`]);
    expect(result).toMatchObject({ statusCode: 200, tempFilePath: `${object}://tmp/1` });
  });

  it('UNI_PLATFORM=h5: h5 alone, and its manifest', async () => {
    const code = await bundleFor('h5');
    expect(adaptersIn(code)).toEqual(['h5']);
    expect(code, "the App builds' stand-in").not.toContain('does not support uni-app App builds');
    // A browser's globals are Node's here: the bundle loads in this realm.
    const module = { exports: {} as Entry };
    new Function('module', 'exports', code)(module, module.exports);
    expect(module.exports.adapter.name).toBe('h5');
  });

  it.each(['app', 'app-plus', 'app-harmony'])(
    'UNI_PLATFORM=%s (App): every download fails saying App builds are not supported, uni untouched',
    async (target) => {
      const code = await bundleFor(target);
      expect(adaptersIn(code)).toEqual(['weapp']);
      const calls: string[] = [];
      const entry = createRealm({
        lexicalGlobals: { uni: fakePlatform('uni', calls), wx: fakePlatform('wx', calls) },
      }).load<Entry>(code);
      const error = await entry.downloadFile({ url: 'https://example.com/a' }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(entry.isDownloadError(error)).toBe(true);
      expect(error).toMatchObject({
        code: 'NETWORK',
        errMsg: 'downloadFile:fail @dl/uni does not support uni-app App builds: use uni.downloadFile there',
      });
      expect(calls).toEqual([]);
    },
  );

  it('createDownloader binds another platform object, with its own queue', async () => {
    const code = await bundleFor('mp-weixin');
    const calls: string[] = [];
    const entry = createRealm({ lexicalGlobals: { wx: fakePlatform('wx', calls) } }).load<Entry>(code);
    const { downloadFile } = entry.createDownloader({ platform: fakePlatform('other', calls) });
    await downloadFile({ url: 'https://example.com/b' });
    expect(calls).toEqual(['other https://example.com/b']);
  });

  it('createDownloader on H5: the queue size and the transport reach @dl/h5', async () => {
    const module = { exports: {} as Entry };
    new Function('module', 'exports', await bundleFor('h5'))(module, module.exports);
    const xhr = module.exports.createDownloader({ maxConcurrent: 4, transport: 'xhr' });
    expect(xhr.adapter.capabilities).toMatchObject({ maxConcurrent: 4, resume: false });
    expect(module.exports.createDownloader().adapter.capabilities.resume).toBe(true);
  });
});

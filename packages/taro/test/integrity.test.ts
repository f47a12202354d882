import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import { adaptersIn, bundleBuilt, createRealm } from '@dl/conformance/realm';
import { contentBytes, fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import { createWxEmulator } from '@dl/weapp-emulator';
import { describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const sandbox = await diskSandbox('dl-taro-integrity');

type Entry = typeof import('../src/index');
type IntegrityEntry = typeof import('../src/integrity');

/** `@dl/taro` and `@dl/taro/integrity`, built, as Taro's bundler makes them for a target. */
async function bundlesFor(target: string): Promise<{ main: string; integrity: string }> {
  const define = { 'process.env.TARO_ENV': JSON.stringify(target) };
  return {
    main: await bundleBuilt('@dl/taro', packageDir, { define }),
    integrity: await bundleBuilt('@dl/taro/integrity', packageDir, { define }),
  };
}

const sri = (size: number, seed: number) =>
  `sha256-${createHash('sha256')
    .update(contentBytes(seed, 0, size))
    .digest('base64')}`;

describe('integrity in Taro builds: createDownloader({ hasher: sha2 }) from @dl/taro/integrity', async () => {
  const mp = await bundlesFor('weapp');

  /** A downloader of the built bundles in a realm with only what the logic layer has, `wx` an emulator. */
  async function mpDownloader(withHasher: boolean) {
    const dir = await sandbox.freshDir();
    const wx = createWxEmulator({ userDataPath: join(dir, 'usr'), tempPath: join(dir, 'tmp') });
    const realm = createRealm({ lexicalGlobals: { wx } });
    const { sha2 } = realm.load<IntegrityEntry>(mp.integrity);
    const { downloadFile } = realm.load<Entry>(mp.main).createDownloader(withHasher ? { hasher: sha2 } : {});
    return { wx, downloadFile };
  }

  it('weapp: the hasher is jsSHA; a matching file is saved whole, a wrong one fails with INTEGRITY', async () => {
    expect(adaptersIn(mp.integrity)).toEqual([]);
    const { wx, downloadFile } = await mpDownloader(true);
    const size = 300_000;
    const result = await downloadFile({
      url: fileUrl(testServerUrl(), { size, seed: 5 }),
      integrity: sri(size, 5),
    });
    expect(result.dataLength).toBe(size);
    const saved = new Uint8Array(await readFile(wx.resolvePath(result.tempFilePath)));
    expect(Buffer.from(saved).equals(Buffer.from(contentBytes(5, 0, size)))).toBe(true);

    const id = newRequestId();
    const error = await downloadFile({
      url: fileUrl(testServerUrl(), { size, seed: 6, id }),
      integrity: sri(size, 5),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INTEGRITY' });
    expect(await fetchLog(testServerUrl(), id)).toHaveLength(1);
  });

  it('weapp without the hasher: INVALID_ARGUMENT naming @dl/taro/integrity, before any request', async () => {
    const { downloadFile } = await mpDownloader(false);
    const id = newRequestId();
    const error = await downloadFile({
      url: fileUrl(testServerUrl(), { size: 10, id }),
      integrity: sri(10, 1),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((error as Error).message).toContain('@dl/taro/integrity');
    expect(await fetchLog(testServerUrl(), id)).toHaveLength(0);
  });

  it('h5: sha2 is undefined and the hashing code is not in the build (the browser hashes)', async () => {
    const h5 = await bundlesFor('h5');
    const module = { exports: {} as IntegrityEntry };
    new Function('module', 'exports', h5.integrity)(module, module.exports);
    expect(module.exports.sha2).toBeUndefined();
    // jsSHA's own error text: present in the mini-program build, absent from H5's.
    const jsShaText = 'Chosen SHA variant is not supported';
    expect(mp.integrity).toContain(jsShaText);
    expect(h5.integrity).not.toContain(jsShaText);
  });

  it('React Native (the react-native condition): sha2 is undefined, no hashing code (blob-util hashes)', async () => {
    const code = await bundleBuilt('@dl/taro/integrity', packageDir, { conditions: ['react-native'] });
    expect(createRealm().load<IntegrityEntry>(code).sha2).toBeUndefined();
    expect(code).not.toContain('Chosen SHA variant is not supported');
  });
});

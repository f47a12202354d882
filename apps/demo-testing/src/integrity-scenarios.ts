import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import { adaptersIn, bundleBuilt, createRealm } from '@dl/conformance/realm';
import { contentBytes, fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import type { DownloadFile } from '@dl/types';
import { createWxEmulator } from '@dl/weapp-emulator';
import { describe, expect, it } from 'vitest';

/** A framework entry package (`@dl/taro`, `@dl/uni`) and how its bundler names the build's target. */
export interface FrameworkEntry {
  /** `@dl/taro`: its hasher entry is `@dl/taro/integrity`. */
  specifier: string;
  /** The package's folder, where the built package resolves from. */
  packageDir: string;
  /** The build-time constant the framework defines, e.g. `process.env.TARO_ENV`. */
  targetConstant: string;
  /** Its value in a WeChat build and in a web build. */
  wechat: string;
  web: string;
}

interface Entry {
  createDownloader(options?: { hasher?: unknown }): { downloadFile: DownloadFile };
}

// jsSHA's own error text: in a bundle that carries the hashing code, and only there.
const JSSHA_TEXT = 'Chosen SHA variant is not supported';

const sri = (size: number, seed: number) =>
  `sha256-${createHash('sha256')
    .update(contentBytes(seed, 0, size))
    .digest('base64')}`;

/**
 * `createDownloader({ hasher: sha2 })` with `sha2` from the entry's `/integrity`, as an app builds it: on
 * WeChat the built bundles run in a realm with only the logic layer's globals against the emulator (a
 * match saved whole, a mismatch INTEGRITY, no hasher INVALID_ARGUMENT naming the import before any
 * request); on the web `sha2` is undefined and the hashing code is not in the build.
 */
export function integrityScenarios(entry: FrameworkEntry): void {
  const integritySpecifier = `${entry.specifier}/integrity`;
  const bundlesFor = async (target: string) => {
    const define = { [entry.targetConstant]: JSON.stringify(target) };
    return {
      main: await bundleBuilt(entry.specifier, entry.packageDir, { define }),
      integrity: await bundleBuilt(integritySpecifier, entry.packageDir, { define }),
    };
  };

  describe(`integrity: createDownloader({ hasher: sha2 }) from ${integritySpecifier}`, async () => {
    const sandbox = await diskSandbox(`dl-${entry.specifier.replace(/\W+/g, '-')}-integrity`);
    const mp = await bundlesFor(entry.wechat);

    async function mpDownloader(withHasher: boolean) {
      const dir = await sandbox.freshDir();
      const wx = createWxEmulator({ userDataPath: join(dir, 'usr'), tempPath: join(dir, 'tmp') });
      const realm = createRealm({ lexicalGlobals: { wx } });
      const { sha2 } = realm.load<{ sha2: unknown }>(mp.integrity);
      const { downloadFile } = realm
        .load<Entry>(mp.main)
        .createDownloader(withHasher ? { hasher: sha2 } : {});
      return { wx, downloadFile };
    }

    it(`${entry.wechat}: the hasher is jsSHA; a matching file is saved whole, a wrong one fails with INTEGRITY`, async () => {
      expect(adaptersIn(mp.integrity)).toEqual([]);
      expect(mp.integrity).toContain(JSSHA_TEXT);
      const { wx, downloadFile } = await mpDownloader(true);
      const size = 300_000;
      const result = await downloadFile({
        url: fileUrl(testServerUrl(), { size, seed: 5 }),
        integrity: sri(size, 5),
      });
      expect(result.dataLength).toBe(size);
      const saved = await readFile(wx.resolvePath(result.tempFilePath));
      expect(saved.equals(Buffer.from(contentBytes(5, 0, size)))).toBe(true);

      const id = newRequestId();
      const error = await downloadFile({
        url: fileUrl(testServerUrl(), { size, seed: 6, id }),
        integrity: sri(size, 5),
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'INTEGRITY' });
      expect(await fetchLog(testServerUrl(), id)).toHaveLength(1);
    });

    it(`${entry.wechat} without the hasher: INVALID_ARGUMENT naming ${integritySpecifier}, before any request`, async () => {
      const { downloadFile } = await mpDownloader(false);
      const id = newRequestId();
      const error = await downloadFile({
        url: fileUrl(testServerUrl(), { size: 10, id }),
        integrity: sri(10, 1),
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect((error as Error).message).toContain(integritySpecifier);
      expect(await fetchLog(testServerUrl(), id)).toHaveLength(0);
    });

    it(`${entry.web}: sha2 is undefined and the hashing code is not in the build (the browser hashes)`, async () => {
      const web = await bundlesFor(entry.web);
      expect(createRealm().load<{ sha2: unknown }>(web.integrity).sha2).toBeUndefined();
      expect(web.integrity).not.toContain(JSSHA_TEXT);
    });
  });
}

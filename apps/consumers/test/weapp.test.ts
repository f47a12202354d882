import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { testServerUrl } from '@dl/conformance';
import { bundleBuilt, checkGlobals, createRealm } from '@dl/conformance/realm';
import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import { expect, inject, it } from 'vitest';

const dir = inject('consumerDirs')['weapp-app'];

interface InstalledEmulator {
  createWxEmulator(options: { userDataPath: string }): {
    resolvePath(path: string): string;
    dispose(): Promise<void>;
  };
}
interface WeappModule {
  downloadFile(options: { url: string }): PromiseLike<{
    statusCode: number;
    tempFilePath: string;
    dataLength: number;
  }> & { onProgressUpdate(callback: (event: { progress: number }) => void): void };
}

/** The installed emulator package's CommonJS entry, standing for `wx`. */
async function installedEmulator(): Promise<InstalledEmulator> {
  // As its `exports` name it: this process resolves with the workspace's `dl-source` condition, which
  // would pick the shipped TypeScript.
  const emulatorDir = join(dir, 'node_modules/@dl/weapp-emulator');
  const { exports } = JSON.parse(await readFile(join(emulatorDir, 'package.json'), 'utf8'));
  return createRequire(join(dir, 'package.json'))(
    join(emulatorDir, exports['.'].require.default),
  ) as InstalledEmulator;
}

it('a mini-program: the installed @dl/weapp, bundled from the project, downloads in a realm with only wx', async () => {
  // What the mini-program's bundler makes of `import { downloadFile } from '@dl/weapp'` in this project.
  const code = await bundleBuilt('@dl/weapp', dir);
  expect(checkGlobals(code, ['wx', 'qq', 'tt', 'swan', 'my', 'crypto', 'reportError'])).toEqual({
    webOnly: [],
    unknown: [],
  });
  const { createWxEmulator } = await installedEmulator();
  const wx = createWxEmulator({ userDataPath: join(dir, 'user-data') });
  try {
    const realm = createRealm({ lexicalGlobals: { wx } });
    const weapp = realm.load<WeappModule>(code);
    const size = 512 * 1024 + 3;
    const seed = 77;
    const task = weapp.downloadFile({ url: fileUrl(testServerUrl(), { size, seed }) });
    const progress: number[] = [];
    task.onProgressUpdate(({ progress: percent }) => progress.push(percent));
    const result = await task;
    expect(result).toMatchObject({ statusCode: 200, dataLength: size });
    expect(result.tempFilePath).toMatch(/^wxfile:\/\//);
    const bytes = new Uint8Array(await readFile(wx.resolvePath(result.tempFilePath)));
    expect(bytes.length).toBe(size);
    expect(
      Buffer.from(bytes).equals(Buffer.from(contentBytes(seed, 0, size))),
      'the bytes are the content',
    ).toBe(true);
    expect(progress.at(-1)).toBe(100);
  } finally {
    await wx.dispose();
  }
});

interface IntegrityModule {
  sha2: unknown;
}
interface WeappFactory {
  createDownloader(options: { hasher: unknown }): {
    downloadFile(options: { url: string; integrity: string }): PromiseLike<{ dataLength: number }>;
  };
}

it('a mini-program checking integrity: @dl/weapp/integrity installed with its jsSHA, bundled, in the same realm', async () => {
  const code = await bundleBuilt('@dl/weapp', dir);
  const hasherCode = await bundleBuilt('@dl/weapp/integrity', dir);
  expect(checkGlobals(hasherCode, [])).toEqual({ webOnly: [], unknown: [] });
  const { createWxEmulator } = await installedEmulator();
  const wx = createWxEmulator({ userDataPath: join(dir, 'user-data') });
  try {
    const realm = createRealm({ lexicalGlobals: { wx } });
    const { sha2 } = realm.load<IntegrityModule>(hasherCode);
    const { downloadFile } = realm.load<WeappFactory>(code).createDownloader({ hasher: sha2 });
    const size = 300_000;
    const digest = (seed: number) =>
      `sha256-${createHash('sha256')
        .update(contentBytes(seed, 0, size))
        .digest('base64')}`;
    const url = fileUrl(testServerUrl(), { size, seed: 78 });
    expect(await downloadFile({ url, integrity: digest(78) })).toMatchObject({ dataLength: size });
    await expect(downloadFile({ url, integrity: digest(79) })).rejects.toMatchObject({ code: 'INTEGRITY' });
  } finally {
    await wx.dispose();
  }
});

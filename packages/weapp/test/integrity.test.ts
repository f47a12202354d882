import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import { contentBytes, fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import {
  createMyEmulator,
  createWxEmulator,
  type EmulatorOptions,
  type MiniProgramEmulator,
} from '@dl/weapp-emulator';
import { describe, expect, it } from 'vitest';
import { READ_CHUNK } from '../src/hash-file';
import { adapter, createDownloader, type IntegrityHasher, type MiniProgramPlatform } from '../src/index';
import { sha2 } from '../src/integrity';

const sandbox = await diskSandbox('dl-weapp-integrity');

async function emulator(create: (o: EmulatorOptions) => MiniProgramEmulator = createWxEmulator) {
  const dir = await sandbox.freshDir();
  return create({ userDataPath: join(dir, 'usr'), tempPath: join(dir, 'tmp') });
}

/** The platform with every `readFile` call's range recorded on the way. */
function watchReads(e: MiniProgramEmulator): { platform: MiniProgramPlatform; reads: unknown[] } {
  const reads: unknown[] = [];
  const fs = e.getFileSystemManager();
  const platform = {
    downloadFile: e.downloadFile.bind(e),
    getFileSystemManager: () => ({
      ...fs,
      readFile(options: { position?: number; length?: number }) {
        reads.push({ position: options.position, length: options.length });
        fs.readFile(options as never);
      },
    }),
  } as unknown as MiniProgramPlatform;
  return { platform, reads };
}

const sri = (algorithm: 'sha256' | 'sha384' | 'sha512', size: number, seed: number) =>
  `${algorithm}-${createHash(algorithm)
    .update(contentBytes(seed, 0, size))
    .digest('base64')}`;

const SIZE = 2 * READ_CHUNK + 300_000;

/** `sha2`, recording the size of each update and calling `after` once the bytes are hashed. */
function spyHasher() {
  const spy = { updates: [] as number[], after: () => {} };
  const hasher: IntegrityHasher = {
    create: (algorithm) => {
      const hash = sha2.create(algorithm);
      return {
        update: (bytes) => {
          spy.updates.push(bytes.byteLength);
          hash.update(bytes);
          spy.after();
        },
        digest: () => hash.digest(),
      };
    },
  };
  return { hasher, spy };
}

describe('integrity on mini-programs', () => {
  it('without a hasher, asking for integrity fails with INVALID_ARGUMENT that says how, before any request', async () => {
    const wx = await emulator();
    const { downloadFile } = createDownloader({ platform: wx as unknown as MiniProgramPlatform });
    const id = newRequestId();
    const error = await downloadFile({
      url: fileUrl(testServerUrl(), { size: 10, id }),
      integrity: sri('sha256', 10, 1),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((error as Error).message).toMatch(
      /^downloadFile:fail integrity is not supported on weapp: it needs createDownloader\(\{ hasher: sha2 \}\).*@dl\/weapp\/integrity/,
    );
    expect(await fetchLog(testServerUrl(), id)).toHaveLength(0);
  });

  it('the manifest says integrity only where there is a hasher, and why not elsewhere', async () => {
    const wx = (await emulator()) as unknown as MiniProgramPlatform;
    expect(adapter.capabilities.integrity).toBe(false);
    expect(adapter.reasons?.integrity).toMatch(/createDownloader\(\{ hasher: sha2 \}\)/);
    const without = createDownloader({ platform: wx }).adapter;
    expect(without.capabilities.integrity).toBe(false);
    expect(without.reasons?.integrity).toBe(adapter.reasons?.integrity);
    const withHasher = createDownloader({ platform: wx, hasher: sha2 }).adapter;
    expect(withHasher.capabilities.integrity).toBe(true);
    expect(withHasher.reasons?.integrity).toBeUndefined();
    expect(withHasher.reasons?.resume).toBe(adapter.reasons?.resume);
  });

  it('WeChat: the saved file is read back a chunk at a time (position, length), never whole', async () => {
    const wx = await emulator();
    const { platform, reads } = watchReads(wx);
    const { downloadFile } = createDownloader({ platform, hasher: sha2 });
    const result = await downloadFile({
      url: fileUrl(testServerUrl(), { size: SIZE, seed: 3 }),
      integrity: sri('sha512', SIZE, 3),
    });
    expect(result.dataLength).toBe(SIZE);
    expect(reads).toEqual([
      { position: 0, length: READ_CHUNK },
      { position: READ_CHUNK, length: READ_CHUNK },
      { position: 2 * READ_CHUNK, length: 300_000 },
    ]);
  });

  it('Alipay, whose readFile ignores the range, hands the whole file over at one read: hashed a chunk at a time, a mismatch INTEGRITY, abort() stopping at the next chunk', async () => {
    const my = await emulator(createMyEmulator);
    const { platform, reads } = watchReads(my);
    const { hasher, spy } = spyHasher();
    const { downloadFile } = createDownloader({ platform, hasher });
    const ok = await downloadFile({
      url: fileUrl(testServerUrl(), { size: SIZE, seed: 4 }),
      integrity: sri('sha512', SIZE, 4),
    });
    expect(ok.dataLength).toBe(SIZE);
    expect(reads).toHaveLength(1);
    expect(spy.updates).toEqual([READ_CHUNK, READ_CHUNK, 300_000]);

    const wrong = await downloadFile({
      url: fileUrl(testServerUrl(), { size: SIZE, seed: 4 }),
      integrity: sri('sha256', SIZE, 5),
    }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'INTEGRITY' });

    spy.updates.length = 0;
    const task = downloadFile({
      url: fileUrl(testServerUrl(), { size: SIZE, seed: 7 }),
      integrity: sri('sha256', SIZE, 7),
    });
    spy.after = () => task.abort();
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
    expect(spy.updates).toEqual([READ_CHUNK]);
    // Only the first download's file is left.
    expect(await readdir(my.tempDir)).toEqual([basename(my.resolvePath(ok.tempFilePath))]);
  });

  it('an empty body is not read, and matches the digest of no bytes', async () => {
    const wx = await emulator();
    const { platform, reads } = watchReads(wx);
    const { downloadFile } = createDownloader({ platform, hasher: sha2 });
    const result = await downloadFile({
      url: fileUrl(testServerUrl(), { size: 0 }),
      integrity: sri('sha384', 0, 0),
    });
    expect(result.dataLength).toBe(0);
    expect(reads).toEqual([]);
  });

  it('abort() while the file is being hashed stops at the next chunk: ABORTED, no file left', async () => {
    const wx = await emulator();
    const { platform, reads } = watchReads(wx);
    const { hasher, spy } = spyHasher();
    const { downloadFile } = createDownloader({ platform, hasher });
    const task = downloadFile({
      url: fileUrl(testServerUrl(), { size: SIZE, seed: 6 }),
      integrity: sri('sha256', SIZE, 6),
    });
    // Aborted as the first chunk is hashed.
    spy.after = () => task.abort();
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
    expect(reads).toHaveLength(1);
    expect(await readdir(wx.tempDir)).toEqual([]);
  });

  it('a platform without readFile cannot check integrity: INVALID_ARGUMENT before any request', async () => {
    const wx = await emulator();
    const { readFile: _readFile, ...fs } = wx.getFileSystemManager();
    const platform = {
      downloadFile: wx.downloadFile.bind(wx),
      getFileSystemManager: () => fs,
    } as unknown as MiniProgramPlatform;
    const { downloadFile } = createDownloader({ platform, hasher: sha2 });
    const id = newRequestId();
    const error = await downloadFile({
      url: fileUrl(testServerUrl(), { size: 10, id }),
      integrity: sri('sha256', 10, 1),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await fetchLog(testServerUrl(), id)).toHaveLength(0);
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectContractTimeline, record, testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import {
  createMyEmulator,
  createWxEmulator,
  type EmulatorOptions,
  type MiniProgramEmulator,
} from '@dl/weapp-emulator';
import { describe, expect, it, vi } from 'vitest';
import { createDownloader, downloadFile, type MiniProgramPlatform } from '../src/index';

const sandbox = await diskSandbox('dl-weapp-behaviour');

async function emulator(create = createWxEmulator, options: Omit<EmulatorOptions, 'userDataPath'> = {}) {
  const dir = await sandbox.freshDir();
  return create({ userDataPath: join(dir, 'usr'), tempPath: join(dir, 'tmp'), ...options });
}
const asPlatform = (e: MiniProgramEmulator) => e as unknown as MiniProgramPlatform;

async function expectBytes(e: MiniProgramEmulator, path: string, size: number, seed: number) {
  const saved = new Uint8Array(await readFile(e.resolvePath(path)));
  expect(saved.byteLength).toBe(size);
  expect(Buffer.compare(saved, contentBytes(seed, 0, size))).toBe(0);
}

describe('the platform task limit', () => {
  it('when other code holds all 10 platform slots, the download waits (600007 retried) and succeeds', async () => {
    const wx = await emulator();
    const fails: Array<{ errno?: number }> = [];
    // The platform as the app sees it: every failure the adapter gets is recorded on the way.
    const watched = {
      ...asPlatform(wx),
      getFileSystemManager: () => wx.getFileSystemManager(),
      downloadFile: (options: Record<string, unknown>) =>
        wx.downloadFile({
          ...(options as Record<string, unknown> & { url: string }),
          fail: (r: { errno?: number }) => {
            fails.push(r);
            (options.fail as (r: unknown) => void)(r);
          },
        }),
    } as unknown as MiniProgramPlatform;
    const others = Array.from(
      { length: 10 },
      () =>
        new Promise((resolve) =>
          wx.downloadFile({ url: fileUrl(testServerUrl(), { size: 100, wait: 300 }), complete: resolve }),
        ),
    );
    expect(wx.running).toBe(10);
    const { downloadFile: download } = createDownloader({ platform: watched });
    const result = await download({ url: fileUrl(testServerUrl(), { size: 2048, seed: 5 }) });
    await Promise.all(others);
    expect(fails.length, 'the platform refused at least once').toBeGreaterThan(0);
    expect(fails.every((f) => f.errno === 600007)).toBe(true);
    await expectBytes(wx, result.tempFilePath!, 2048, 5);
  });

  it('an abort while waiting for a free platform slot fails with ABORTED at once, not after the wait', async () => {
    const wx = await emulator(createWxEmulator, { maxConcurrent: 1 });
    const blocker = new Promise((resolve) =>
      wx.downloadFile({ url: fileUrl(testServerUrl(), { size: 10, wait: 1500 }), complete: resolve }),
    );
    const { downloadFile: download } = createDownloader({ platform: asPlatform(wx) });
    const task = download({ url: fileUrl(testServerUrl(), { size: 10 }) });
    // The waits between tries grow 100, 200, 400 ms: just after the third refusal it is in the 400 ms one.
    await vi.waitFor(() => expect(wx.calls).toHaveLength(4), { interval: 5 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const abortedAt = Date.now();
    task.abort();
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
    expect(Date.now() - abortedAt, 'the wait ends with the abort').toBeLessThan(150);
    await blocker;
  });
});

describe('platform options', () => {
  it('passes options the contract does not name to the platform and returns its profile', async () => {
    const wx = await emulator();
    const { downloadFile: download } = createDownloader({ platform: asPlatform(wx) });
    const result = await download({
      url: fileUrl(testServerUrl(), { size: 10 }),
      enableHttp2: true,
      enableQuic: true,
      enableProfile: true,
      enableCache: false,
    });
    expect(wx.calls.at(-1)).toMatchObject({
      enableHttp2: true,
      enableQuic: true,
      enableProfile: true,
      enableCache: false,
    });
    expect(result.profile).toMatchObject({ protocol: 'http/1.1' });
    expect(typeof result.profile!.responseEnd).toBe('number');
  });

  it('no profile when the platform gives none', async () => {
    const wx = await emulator();
    const { downloadFile: download } = createDownloader({ platform: asPlatform(wx) });
    const result = await download({ url: fileUrl(testServerUrl(), { size: 10 }), enableProfile: false });
    expect(result).not.toHaveProperty('profile');
  });

  it('the contract fields are sent validated: timeout as given, header values as strings', async () => {
    const wx = await emulator();
    const { downloadFile: download } = createDownloader({ platform: asPlatform(wx) });
    const header = { 'X-N': 'v', 'X-Num': 5 } as unknown as Record<string, string>;
    await download({ url: fileUrl(testServerUrl(), { size: 10 }), timeout: 4321, header });
    const call = wx.calls.at(-1)!;
    expect(call).toMatchObject({ timeout: 4321 });
    expect(call.header).toStrictEqual({ 'X-N': 'v', 'X-Num': '5' });
    expect(call).not.toHaveProperty('signal');
    expect(call).not.toHaveProperty('filePath');
  });
});

describe('what the platform leaves to chance', () => {
  it('a client that fires no progress without Content-Length gives only the final 100% event', async () => {
    const wx = await emulator(createWxEmulator, { progressWithoutLength: 'none' });
    const { downloadFile: download } = createDownloader({ platform: asPlatform(wx) });
    const recording = await record({ downloadFile: download } as never, {
      url: fileUrl(testServerUrl(), { size: 50_000, seed: 3, length: 'none', chunk: 5000, delay: 5 }),
    });
    expectContractTimeline(recording);
    expect(recording.progress).toEqual([
      { progress: 100, totalBytesWritten: 50_000, totalBytesExpectedToWrite: 50_000 },
    ]);
    await expectBytes(wx, recording.result!.tempFilePath!, 50_000, 3);
  });

  it('a client that reports bytes without Content-Length gets 0% events at most every 50 ms, then 100%', async () => {
    const wx = await emulator(createWxEmulator, { progressWithoutLength: 'bytes' });
    const { downloadFile: download } = createDownloader({ platform: asPlatform(wx) });
    const times: number[] = [];
    const recording = await record(
      { downloadFile: download } as never,
      {
        url: fileUrl(testServerUrl(), { size: 200_000, seed: 5, length: 'none', chunk: 2000, delay: 5 }),
      },
      (task) => task.onProgressUpdate(() => times.push(Date.now())),
    );
    expectContractTimeline(recording);
    const during = recording.progress.slice(0, -1);
    expect(during.length).toBeGreaterThan(1);
    for (const p of during) expect([p.progress, p.totalBytesExpectedToWrite]).toEqual([0, 0]);
    for (let i = 1; i < during.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(49);
    await expectBytes(wx, recording.result!.tempFilePath!, 200_000, 5);
  });

  it('a headers event without statusCode (the developer tools) still yields one headers event with the status', async () => {
    const wx = await emulator(createWxEmulator, { statusCodeInHeadersEvent: false });
    const { downloadFile: download } = createDownloader({ platform: asPlatform(wx) });
    const recording = await record({ downloadFile: download } as never, {
      url: fileUrl(testServerUrl(), { size: 3000, seed: 8, status: 404 }),
    });
    expectContractTimeline(recording);
    expect(recording.headers).toHaveLength(1);
    expect(recording.headers[0]).toMatchObject({ statusCode: 404, header: { 'content-length': '3000' } });
    expect(recording.result).toMatchObject({ statusCode: 404, dataLength: 3000 });
  });

  it('a length the body overruns (platform percent past 100) never shows above 100 or past the length', async () => {
    const wx = await emulator();
    const { downloadFile: download } = createDownloader({ platform: asPlatform(wx) });
    const recording = await record({ downloadFile: download } as never, {
      url: fileUrl(testServerUrl(), { size: 200_000, seed: 4, gzip: 1, length: 'compressed' }),
    });
    expectContractTimeline(recording);
    expect(recording.result!.dataLength).toBe(200_000);
  });
});

describe('Alipay shapes', () => {
  it('apFilePath becomes tempFilePath; headers (plural) become header, lower-case', async () => {
    const my = await emulator(createMyEmulator);
    const { downloadFile: download } = createDownloader({ platform: asPlatform(my) });
    const recording = await record({ downloadFile: download } as never, {
      url: fileUrl(testServerUrl(), { size: 1234, seed: 9, hdr: ['X-Dl-Alipay:Yes'] }),
    });
    expectContractTimeline(recording);
    expect(recording.result!.tempFilePath).toMatch(/^https:\/\/resource\/apml/);
    expect(recording.headers[0]!.header['x-dl-alipay']).toBe('Yes');
    expect(recording.result!.header['x-dl-alipay']).toBe('Yes');
    await expectBytes(my, recording.result!.tempFilePath!, 1234, 9);
  });

  it('{ error, errorMessage } becomes errMsg, code and errno', async () => {
    const my = await emulator(createMyEmulator);
    const { downloadFile: download } = createDownloader({ platform: asPlatform(my) });
    const error = await download({ url: 'http://127.0.0.1:1/x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DownloadError', code: 'NETWORK', errno: 600000 });
    expect((error as Error).message).toMatch(/^downloadFile:fail \S/);
  });
});

describe('binding', () => {
  it('the default downloadFile uses the global wx', async () => {
    const wx = await emulator();
    const scope = globalThis as { wx?: unknown };
    scope.wx = wx;
    try {
      const result = await downloadFile({ url: fileUrl(testServerUrl(), { size: 77, seed: 2 }) });
      await expectBytes(wx, result.tempFilePath!, 77, 2);
    } finally {
      delete scope.wx;
    }
  });

  it('without any platform object the task fails asynchronously instead of throwing', async () => {
    const task = downloadFile({ url: fileUrl(testServerUrl(), { size: 1 }) });
    await expect(task).rejects.toMatchObject({
      code: 'NETWORK',
      errMsg: expect.stringMatching(/no mini-program/),
    });
  });

  it('a platform without getFileSystemManager writes filePath in place and says so', async () => {
    const wx = await emulator();
    const bare = { downloadFile: wx.downloadFile } as unknown as MiniProgramPlatform;
    const { downloadFile: download, adapter } = createDownloader({ platform: bare });
    expect(adapter.capabilities.atomicFilePath).toBe(false);
    await new Promise((success, fail) =>
      wx.getFileSystemManager().mkdir({ dirPath: `${wx.env.USER_DATA_PATH}/d`, success, fail }),
    );
    const filePath = `${wx.env.USER_DATA_PATH}/d/in-place.bin`;
    const result = await download({ url: fileUrl(testServerUrl(), { size: 500, seed: 6 }), filePath });
    expect(result).toMatchObject({ filePath, dataLength: 500 });
    expect(wx.calls.at(-1)).toMatchObject({ filePath });
    await expectBytes(wx, filePath, 500, 6);
  });
});

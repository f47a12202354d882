import { join } from 'node:path';
import { testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import { fileUrl } from '@dl/test-server/scenarios';
import { createWxEmulator } from '@dl/weapp-emulator';
import { describe, expect, it } from 'vitest';
import {
  createDownloader,
  type MiniProgramPlatform,
  type OnHeadersReceivedCallbackResult,
  type OnProgressUpdateCallbackResult,
} from '../src/index';

const sandbox = await diskSandbox('dl-weapp-task-aliases');

async function downloader() {
  const dir = await sandbox.freshDir();
  const wx = createWxEmulator({ userDataPath: join(dir, 'usr'), tempPath: join(dir, 'tmp') });
  return createDownloader({ platform: wx as unknown as MiniProgramPlatform }).downloadFile;
}

describe("Taro's task method names", () => {
  it('progress(fn) and headersReceive(fn) add the same listeners as onProgressUpdate / onHeadersReceived', async () => {
    const downloadFile = await downloader();
    const task = downloadFile({ url: fileUrl(testServerUrl(), { size: 200_000, chunk: 20_000 }) });
    const viaAlias: OnProgressUpdateCallbackResult[] = [];
    const viaName: OnProgressUpdateCallbackResult[] = [];
    const headers: OnHeadersReceivedCallbackResult[] = [];
    task.progress((e) => viaAlias.push(e));
    task.onProgressUpdate((e) => viaName.push(e));
    task.headersReceive((e) => headers.push(e));
    const result = await task;
    expect(viaAlias.length).toBeGreaterThan(0);
    expect(viaAlias).toEqual(viaName);
    expect(viaAlias.at(-1)).toEqual({
      progress: 100,
      totalBytesWritten: 200_000,
      totalBytesExpectedToWrite: 200_000,
    });
    expect(headers).toHaveLength(1);
    expect(headers[0]!.statusCode).toBe(result.statusCode);
  });

  it('a listener added by an alias is removed by the off method of its name, and added once', async () => {
    const downloadFile = await downloader();
    const task = downloadFile({ url: fileUrl(testServerUrl(), { size: 50_000 }) });
    const calls: string[] = [];
    const onProgress = () => calls.push('progress');
    const onHeaders = () => calls.push('headers');
    task.progress(onProgress);
    task.onProgressUpdate(onProgress);
    task.headersReceive(onHeaders);
    task.offHeadersReceived(onHeaders);
    task.offProgressUpdate(onProgress);
    await task;
    expect(calls).toEqual([]);
  });
});

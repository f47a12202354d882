import { stat } from 'node:fs/promises';
import { testServerUrl } from '@dl/conformance';
import { fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import type { DownloadFile } from '@dl/types';
import type { MiniProgramEmulator } from '@dl/weapp-emulator';
import { expect, it } from 'vitest';

/** What a demo's mini-program test has loaded: the bundle's `downloadFile` and the emulator it runs on. */
export interface LoadedWeappBundle {
  downloadFile: DownloadFile;
  wx: MiniProgramEmulator;
}

/**
 * The two downloads every framework's mini-program bundle must get right, run on dl's code exactly as the
 * framework bundled it: a whole file (headers, progress to 100, every byte, one platform call), and an
 * abort the server sees. `loaded` is read when the tests run (after the test file's `beforeAll`).
 */
export function weappBundleScenarios(loaded: () => LoadedWeappBundle): void {
  it('downloads through wx in a realm with no web or Node globals: headers, progress to 100, the file', async () => {
    const { downloadFile, wx } = loaded();
    const size = 300_000;
    const id = newRequestId();
    const events: string[] = [];
    let percent = -1;
    const calls = wx.calls.length;
    const task = downloadFile({ url: fileUrl(testServerUrl(), { size, chunk: 65_536, id }) });
    task.onHeadersReceived(({ statusCode }) => events.push(`headers ${statusCode}`));
    task.onProgressUpdate(({ progress }) => {
      percent = progress;
    });
    const result = await task;
    expect(result).toMatchObject({ errMsg: 'downloadFile:ok', statusCode: 200, dataLength: size });
    expect(events).toEqual(['headers 200']);
    expect(percent).toBe(100);
    expect((await stat(wx.resolvePath(result.tempFilePath!))).size).toBe(size);
    expect(wx.calls.length - calls, 'the emulator was asked, through the bundle').toBe(1);
    const log = (await fetchLog(testServerUrl(), id)).filter((request) => request.path === '/file');
    expect(log).toMatchObject([{ finished: true, clientAborted: false, bytesSent: size }]);
  });

  it('abort() fails the task with ABORTED, and the server sees the hang-up', async () => {
    const { downloadFile } = loaded();
    const id = newRequestId();
    const task = downloadFile({
      url: fileUrl(testServerUrl(), { size: 4_000_000, chunk: 65_536, delay: 30, id }),
    });
    await new Promise<void>((resolve) => task.onProgressUpdate(() => resolve()));
    task.abort();
    const error = await task.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ code: 'ABORTED', errMsg: 'downloadFile:fail abort' });
    await expect
      .poll(async () => (await fetchLog(testServerUrl(), id)).find((r) => r.path === '/file')?.clientAborted)
      .toBe(true);
  });
}

import { testServerUrl } from '@dl/conformance';
import { fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import { expect, it } from 'vitest';
import { adapter, createDownloader, hasOriginPrivateFileSystem } from '../../src/index';

it('Node has no OPFS, and the adapter says so in its capabilities', () => {
  expect(hasOriginPrivateFileSystem()).toBe(false);
  expect(adapter.capabilities).toMatchObject({ filePath: false, atomicFilePath: false });
});

it('filePath without OPFS fails with a clear FILE_SYSTEM error before any request', async () => {
  const { downloadFile } = createDownloader();
  const id = newRequestId();
  const error = await downloadFile({
    url: fileUrl(testServerUrl(), { size: 10, id }),
    filePath: 'a/b.bin',
  }).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'DownloadError', code: 'FILE_SYSTEM', errno: 603300 });
  expect((error as Error).message).toMatch(/Origin Private File System/);
  expect(await fetchLog(testServerUrl(), id)).toEqual([]);
});

import { testServerUrl } from '@dl/conformance';
import { fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import { describe, expect, it } from 'vitest';
import { createDownloader, type H5DownloadFileOptions } from '../../src/index';
import { transports } from '../support/transports';

describe.each(transports)('the credentials option over %s', (transport) => {
  const { downloadFile } = createDownloader({ transport });

  it('an unknown credentials mode fails with INVALID_ARGUMENT and sends nothing', async () => {
    const id = newRequestId();
    const options = {
      url: fileUrl(testServerUrl(), { id }),
      credentials: 'always',
    } as unknown as H5DownloadFileOptions;
    const error = await downloadFile(options).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', errno: 600009 });
    expect((error as Error).message).toMatch(/invalid credentials/);
    expect(await fetchLog(testServerUrl(), id)).toEqual([]);
  });

  for (const credentials of ['omit', 'same-origin', 'include'] as const) {
    it(`credentials: '${credentials}' downloads`, async () => {
      const result = await downloadFile({ url: fileUrl(testServerUrl(), { size: 50 }), credentials });
      expect(result.dataLength).toBe(50);
    });
  }
});

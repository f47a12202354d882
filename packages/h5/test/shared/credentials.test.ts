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

describe("createDownloader's own options", () => {
  it('an unknown transport or credentials mode throws a RangeError at once, naming the valid values', () => {
    expect(() => createDownloader({ transport: 'websocket' as never })).toThrow(
      new RangeError(`transport must be 'fetch' or 'xhr', got "websocket"`),
    );
    expect(() => createDownloader({ credentials: 'always' as never })).toThrow(
      new RangeError('credentials must be one of omit, same-origin, include, got "always"'),
    );
    expect(createDownloader({ transport: undefined, credentials: undefined }).adapter.name).toBe('h5');
  });
});

import { testServerUrl } from '@dl/conformance';
import { contentBytes, redirectUrl } from '@dl/test-server/scenarios';
import { describe, expect, it } from 'vitest';
import { BROWSER_MAX_REDIRECTS, createDownloader } from '../../src/index';
import { readObjectUrl, watchObjectUrls } from '../support/object-urls';
import { transports } from '../support/transports';

const objectUrls = watchObjectUrls();

// What the web does instead of TOO_MANY_REDIRECTS: the browser follows up to 20 and fails after that.
describe.each(transports)('redirects over %s', (transport) => {
  const { downloadFile, adapter } = createDownloader({ transport });

  it('claims the browser limit honestly', () => {
    expect(adapter.capabilities).toMatchObject({ maxRedirects: BROWSER_MAX_REDIRECTS, redirectLimit: false });
  });

  for (const n of [15, BROWSER_MAX_REDIRECTS]) {
    it(`follows ${n} redirects to the file`, async () => {
      const result = await downloadFile({ url: redirectUrl(testServerUrl(), { n, size: 600, seed: n }) });
      expect(result.statusCode).toBe(200);
      expect(await readObjectUrl(result.tempFilePath!)).toEqual(contentBytes(n, 0, 600));
    });
  }

  it('fails a chain longer than 20 with NETWORK (600000) and leaves nothing', async () => {
    const before = await objectUrls.live();
    const error = await downloadFile({
      url: redirectUrl(testServerUrl(), { n: BROWSER_MAX_REDIRECTS + 1, size: 600 }),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DownloadError', code: 'NETWORK', errno: 600000 });
    expect(await objectUrls.live()).toEqual(before);
  });

  it('fails a redirect loop with NETWORK (600000) and leaves nothing', async () => {
    const before = await objectUrls.live();
    const error = await downloadFile({ url: redirectUrl(testServerUrl(), { loop: 1 }) }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'DownloadError', code: 'NETWORK', errno: 600000 });
    expect((error as Error).message).toMatch(/^downloadFile:fail /);
    expect(await objectUrls.live()).toEqual(before);
  });
});

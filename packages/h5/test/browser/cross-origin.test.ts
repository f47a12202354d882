import { testServerUrl } from '@dl/conformance';
import { fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import { describe, expect, it } from 'vitest';
import { createDownloader, type OnProgressUpdateCallbackResult } from '../../src/index';
import { transports } from '../support/transports';

// The test server is another origin than this page (same host, another port), as a download server
// usually is; same host keeps its cookies first-party, which the credentials clause needs.

describe.each(transports)('cross-origin responses over %s', (transport) => {
  const { downloadFile } = createDownloader({ transport });

  it('exposed headers reach the headers event as a plain lower-case object', async () => {
    const task = downloadFile({ url: fileUrl(testServerUrl(), { size: 1000, hdr: ['X-Dl-Custom:Shown'] }) });
    const seen = new Promise<Record<string, string>>((resolve) =>
      task.onHeadersReceived((e) => resolve(e.header)),
    );
    await task;
    const header = await seen;
    expect(Object.getPrototypeOf(header)).toBe(Object.prototype);
    expect(header['x-dl-custom']).toBe('Shown');
    expect(header['content-length']).toBe('1000');
    for (const name of Object.keys(header)) expect(name).toBe(name.toLowerCase());
  });

  it('without Access-Control-Expose-Headers a custom header is hidden from the page', async () => {
    const result = await downloadFile({
      url: fileUrl(testServerUrl(), { size: 1000, hdr: ['X-Dl-Custom:Hidden'], expose: 'none' }),
    });
    expect(result.header['x-dl-custom']).toBeUndefined();
    expect(result.dataLength).toBe(1000);
  });

  it('without Access-Control-Expose-Headers Content-Length still shows (CORS-safelisted): known size', async () => {
    const task = downloadFile({
      url: fileUrl(testServerUrl(), { size: 100_000, chunk: 8192, delay: 2, expose: 'none' }),
    });
    const events: OnProgressUpdateCallbackResult[] = [];
    task.onProgressUpdate((e) => events.push(e));
    const result = await task;
    expect(result.header['content-length']).toBe('100000');
    const during = events.slice(0, -1);
    expect(during.length, 'progress events before the final one').toBeGreaterThan(0);
    expect(during.every((e) => e.totalBytesExpectedToWrite === 100_000)).toBe(true);
  });

  it('a hidden Content-Encoding leaves only the compressed length: progress stays within the contract', async () => {
    const size = 200_000;
    const task = downloadFile({
      url: fileUrl(testServerUrl(), {
        size,
        gzip: 1,
        length: 'compressed',
        chunk: 4096,
        delay: 2,
        expose: 'none',
      }),
    });
    const events: OnProgressUpdateCallbackResult[] = [];
    task.onProgressUpdate((e) => events.push(e));
    const result = await task;
    expect(result.header['content-encoding'], 'hidden from the page').toBeUndefined();
    const compressed = Number(result.header['content-length']);
    const during = events.slice(0, -1);
    expect(during.length, 'progress events before the final one').toBeGreaterThan(0);
    for (const e of during) {
      // The page can only measure decoded bytes against the compressed length it sees.
      expect(e.totalBytesExpectedToWrite).toBe(compressed);
      expect(e.totalBytesWritten).toBeLessThanOrEqual(compressed);
      expect(e.progress).toBe(Math.floor((e.totalBytesWritten * 100) / compressed));
    }
    expect(events.at(-1)).toEqual({
      progress: 100,
      totalBytesWritten: size,
      totalBytesExpectedToWrite: size,
    });
    expect(result.dataLength).toBe(size);
  });

  it("credentials: 'include' sends the server's cookie cross-origin; the default 'same-origin' does not", async () => {
    const name = `dl_${transport}_${Date.now().toString(36)}`;
    await downloadFile({
      url: fileUrl(testServerUrl(), { size: 1, hdr: [`Set-Cookie:${name}=1; Path=/; SameSite=Lax`] }),
      credentials: 'include',
    });
    const withCookie = newRequestId();
    await downloadFile({
      url: fileUrl(testServerUrl(), { size: 1, id: withCookie }),
      credentials: 'include',
    });
    const without = newRequestId();
    await downloadFile({ url: fileUrl(testServerUrl(), { size: 1, id: without }) });
    const cookieOf = async (id: string) =>
      (await fetchLog(testServerUrl(), id)).find((r) => r.method === 'GET')?.headers.cookie ?? '';
    expect(await cookieOf(withCookie)).toContain(`${name}=1`);
    expect(await cookieOf(without)).not.toContain(name);
  });
});

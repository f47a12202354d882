import { objectUrlAlive, testServerUrl } from '@dl/conformance';
import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import { describe, expect, it } from 'vitest';
import { createDownloader, releaseFile } from '../../src/index';
import { readObjectUrl } from '../support/object-urls';
import { transports } from '../support/transports';

describe.each(transports)('tempFilePath over %s', (transport) => {
  const { downloadFile } = createDownloader({ transport });

  it('is a blob: URL of the bytes, typed with the response Content-Type', async () => {
    const result = await downloadFile({
      url: fileUrl(testServerUrl(), { size: 2048, seed: 5, type: 'image/png' }),
    });
    expect(result.tempFilePath).toMatch(/^blob:/);
    // Read through the platform, not the adapter: fetch of a blob: URL answers with the blob's type.
    const response = await fetch(result.tempFilePath!);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(contentBytes(5, 0, 2048));
    releaseFile(result.tempFilePath!);
  });

  it('releaseFile(tempFilePath) frees it: the URL stops resolving; releasing again is harmless', async () => {
    const result = await downloadFile({ url: fileUrl(testServerUrl(), { size: 100, seed: 6 }) });
    expect(await objectUrlAlive(result.tempFilePath!)).toBe(true);
    releaseFile(result.tempFilePath!);
    expect(await objectUrlAlive(result.tempFilePath!)).toBe(false);
    expect(() => releaseFile(result.tempFilePath!)).not.toThrow();
    expect(() => releaseFile('dl-tests/not-a-blob.bin')).not.toThrow();
  });

  it('a URL released by one download leaves the others readable', async () => {
    const [a, b] = await Promise.all([
      downloadFile({ url: fileUrl(testServerUrl(), { size: 300, seed: 1 }) }),
      downloadFile({ url: fileUrl(testServerUrl(), { size: 400, seed: 2 }) }),
    ]);
    releaseFile(a.tempFilePath!);
    expect(await readObjectUrl(b.tempFilePath!)).toEqual(contentBytes(2, 0, 400));
    releaseFile(b.tempFilePath!);
  });
});

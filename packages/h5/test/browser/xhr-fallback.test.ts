import { testServerUrl } from '@dl/conformance';
import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import { expect, it } from 'vitest';
import {
  createDownloader,
  type OnProgressUpdateCallbackResult,
  supportsStreamingFetch,
} from '../../src/index';
import { readObjectUrl } from '../support/object-urls';

it('this browser streams fetch bodies, so the default transport is fetch', async () => {
  expect(supportsStreamingFetch()).toBe(true);
  // Watched at the platform's own fetch: the default downloader's request goes through it.
  const url = new URL(fileUrl(testServerUrl(), { size: 100, seed: 80 })).href;
  const fetched: string[] = [];
  const platformFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    fetched.push(input instanceof Request ? input.url : String(input));
    return platformFetch(input, init);
  };
  try {
    await createDownloader().downloadFile({ url });
  } finally {
    globalThis.fetch = platformFetch;
  }
  expect(fetched).toContain(url);
});

it('the XMLHttpRequest fallback reports rising known-size progress on a slow body', async () => {
  const { downloadFile } = createDownloader({ transport: 'xhr' });
  const size = 600_000;
  const task = downloadFile({ url: fileUrl(testServerUrl(), { size, seed: 81, chunk: 20_000, delay: 30 }) });
  const events: OnProgressUpdateCallbackResult[] = [];
  task.onProgressUpdate((e) => events.push(e));
  const result = await task;
  const during = events.slice(0, -1);
  expect(during.length).toBeGreaterThan(5);
  for (const e of during) expect(e.totalBytesExpectedToWrite).toBe(size);
  const percents = during.map((e) => e.progress);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  expect(await readObjectUrl(result.tempFilePath!)).toEqual(contentBytes(81, 0, size));
});

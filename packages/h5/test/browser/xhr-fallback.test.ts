import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import { expect, inject, it } from 'vitest';
import {
  createDownloader,
  type OnProgressUpdateCallbackResult,
  supportsStreamingFetch,
} from '../../src/index';
import { readObjectUrl } from '../support/object-urls';

const server = () => inject('testServerUrl');

it('Chromium streams fetch bodies, so the default transport is fetch', () => {
  expect(supportsStreamingFetch()).toBe(true);
});

it('the XMLHttpRequest fallback reports rising known-size progress on a slow body', async () => {
  const { downloadFile } = createDownloader({ transport: 'xhr' });
  const size = 600_000;
  const task = downloadFile({ url: fileUrl(server(), { size, seed: 81, chunk: 20_000, delay: 30 }) });
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

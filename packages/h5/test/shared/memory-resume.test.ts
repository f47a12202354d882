import { testServerUrl } from '@dl/conformance';
import { contentBytes, fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import type { DownloadTaskPromise, ResumeData } from '@dl/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createDownloader } from '../../src/index';
import { memoryPartialIds } from '../../src/memory-partials';
import { firstDifference } from '../support/bytes';
import { readObjectUrl } from '../support/object-urls';

// A tempFilePath download's saved bytes live in memory under the task's partial id: these check that a
// paused task keeps them, that they are continued, and that every way a task ends frees them.
const server = testServerUrl;
const SLOW = { size: 600_000, chunk: 16_384, delay: 10 } as const;
const { downloadFile } = createDownloader({ transport: 'fetch' });

const fileRequests = async (id: string) =>
  (await fetchLog(server(), id)).filter((entry) => entry.path === '/file' && entry.method === 'GET');

/** Pauses at the first progress event past 10 %, once the server saw the request go. */
async function pauseEarly(task: DownloadTaskPromise, id: string): Promise<void> {
  await new Promise<void>((resolve) => task.onProgressUpdate((e) => e.progress >= 10 && resolve()));
  task.pause();
  for (let i = 0; i < 100; i++) {
    if ((await fileRequests(id)).every((entry) => entry.clientAborted || entry.finished)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the paused request never ended');
}

afterEach(() => {
  expect(memoryPartialIds(), 'no saved bytes outlive their task').toEqual([]);
});

describe('saved bytes in memory (tempFilePath)', () => {
  it('a paused task holds its bytes under its partial id until it completes, then frees them', async () => {
    const id = newRequestId();
    const task = downloadFile({ url: fileUrl(server(), { ...SLOW, seed: 81, id }) });
    await pauseEarly(task, id);
    const data = task.resumeData() as ResumeData;
    expect(memoryPartialIds()).toEqual([data.partial]);
    task.resume();
    const result = await task;
    expect(memoryPartialIds()).toEqual([]);
    expect(
      firstDifference(await readObjectUrl(result.tempFilePath as string), contentBytes(81, 0, SLOW.size)),
    ).toBe(-1);
    URL.revokeObjectURL(result.tempFilePath as string);
  });

  it('a body larger than the 1 MiB fold, paused past several folds, continues into the same bytes', async () => {
    const size = 3 * 2 ** 20 + 12_345;
    const id = newRequestId();
    const task = downloadFile({ url: fileUrl(server(), { size, chunk: 65_536, delay: 5, seed: 86, id }) });
    await new Promise<void>((resolve) => task.onProgressUpdate((e) => e.progress >= 50 && resolve()));
    task.pause();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const saved = (task.resumeData() as ResumeData).bytes;
    expect(saved).toBeGreaterThan(2 ** 20);
    task.resume();
    const result = await task;
    const [, second] = await fileRequests(id);
    expect(second?.headers.range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(
      firstDifference(await readObjectUrl(result.tempFilePath as string), contentBytes(86, 0, size)),
    ).toBe(-1);
    URL.revokeObjectURL(result.tempFilePath as string);
  });

  it('resumeData continues the bytes in a later task of the same page, with Range and If-Range', async () => {
    const id = newRequestId();
    const url = fileUrl(server(), { ...SLOW, seed: 82, id });
    const first = downloadFile({ url });
    first.catch(() => {});
    await pauseEarly(first, id);
    const stored = JSON.parse(JSON.stringify(first.resumeData())) as ResumeData;
    expect(stored.bytes).toBeGreaterThan(0);
    const result = await downloadFile({ url, resumeData: stored });
    const [, second] = await fileRequests(id);
    const from = Number(/^bytes=(\d+)-$/.exec(second?.headers.range ?? '')?.[1]);
    expect(from).toBeGreaterThan(0);
    expect(second?.headers['if-range']).toBe(`"dl-${SLOW.size}-82"`);
    expect(second?.bytesSent).toBe(SLOW.size - from);
    expect(
      firstDifference(await readObjectUrl(result.tempFilePath as string), contentBytes(82, 0, SLOW.size)),
    ).toBe(-1);
    URL.revokeObjectURL(result.tempFilePath as string);
    // The first task's partial went into the second's file; aborting it now has nothing left to free.
    first.abort();
    await first.catch(() => {});
  });

  it('resumeData taken at pause(), while the request is still stopping, waits for it and continues', async () => {
    const id = newRequestId();
    const url = fileUrl(server(), { ...SLOW, seed: 85, id });
    const first = downloadFile({ url });
    first.catch(() => {});
    await new Promise<void>((resolve) => first.onProgressUpdate((e) => e.progress >= 10 && resolve()));
    first.pause();
    const result = await downloadFile({ url, resumeData: first.resumeData() });
    const [, second] = await fileRequests(id);
    expect(second?.headers.range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(
      firstDifference(await readObjectUrl(result.tempFilePath as string), contentBytes(85, 0, SLOW.size)),
    ).toBe(-1);
    URL.revokeObjectURL(result.tempFilePath as string);
    first.abort();
    await first.catch(() => {});
  });

  it('a forged resumeData naming no saved bytes downloads from zero', async () => {
    const id = newRequestId();
    const url = fileUrl(server(), { size: 50_000, seed: 83, id });
    for (const partial of ['dl-memory-00000000000000000000000000000000', 'a/.x.bin.0123456789ab.part']) {
      const resumeData: ResumeData = { adapter: 'h5', url, partial, validator: '"dl-50000-83"', bytes: 10 };
      const result = await downloadFile({ url, resumeData });
      expect(
        firstDifference(await readObjectUrl(result.tempFilePath as string), contentBytes(83, 0, 50_000)),
      ).toBe(-1);
      URL.revokeObjectURL(result.tempFilePath as string);
    }
    const requests = await fileRequests(id);
    expect(requests.map((entry) => entry.headers.range)).toEqual([undefined, undefined]);
  });

  it('abort() while paused, a failed download and an integrity mismatch free the bytes', async () => {
    const id = newRequestId();
    const paused = downloadFile({ url: fileUrl(server(), { ...SLOW, seed: 84, id }) });
    await pauseEarly(paused, id);
    expect(memoryPartialIds()).toHaveLength(1);
    paused.abort();
    await expect(paused).rejects.toMatchObject({ code: 'ABORTED' });
    expect(memoryPartialIds()).toEqual([]);

    const cut = downloadFile({ url: fileUrl(server(), { size: 200_000, cutAt: 100_000 }) });
    await expect(cut).rejects.toMatchObject({ code: 'NETWORK' });
    expect(memoryPartialIds()).toEqual([]);

    const wrong = `sha256-${btoa(String.fromCharCode(...new Uint8Array(32)))}`;
    const mismatch = downloadFile({ url: fileUrl(server(), { size: 10_000 }), integrity: wrong });
    await expect(mismatch).rejects.toMatchObject({ code: 'INTEGRITY' });
    expect(memoryPartialIds()).toEqual([]);
  });
});

import { testServerUrl } from '@dl/conformance';
import { contentBytes, fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import type { DownloadTaskPromise, ResumeData } from '@dl/types';
import { afterAll, describe, expect, it } from 'vitest';
import { server as vitestServer } from 'vitest/browser';
import { adapter, createDownloader } from '../../src/index';
import { firstDifference } from '../support/bytes';
import { listDirectory, makeDirectory, readFile, removeDirectory } from '../support/opfs';

// A filePath download's saved bytes are its part file in the OPFS: kept while paused, continued with
// Range, and — unlike memory — still there for a resumeData after a reload (here: another downloader).
const server = testServerUrl;
const base = `dl-tests/opfs-resume-${Date.now().toString(36)}`;
const { filePath } = adapter.capabilities;
afterAll(() => (filePath ? removeDirectory(base) : undefined));
const withOpfs = filePath ? describe : describe.skip;
const skipped = filePath
  ? ''
  : ` — skipped: h5 (${vitestServer.browser}) lacks filePath (adapter.capabilities: no Origin Private File System here)`;

const SLOW = { size: 800_000, chunk: 16_384, delay: 10 } as const;
const PART = /^\.big\.bin\.[0-9a-f]{12}\.part$/;
let dirs = 0;
const freshDir = () => makeDirectory(`${base}/dir-${++dirs}`);

const fileRequests = async (id: string) =>
  (await fetchLog(server(), id)).filter((entry) => entry.path === '/file' && entry.method === 'GET');

/** Pauses past 10 %, then waits until the part file is closed: only it is left in `dir`. */
async function pauseEarly(task: DownloadTaskPromise, dir: string): Promise<string> {
  await new Promise<void>((resolve) => task.onProgressUpdate((e) => e.progress >= 10 && resolve()));
  task.pause();
  for (let i = 0; i < 100; i++) {
    // While its writable stream is open, Chromium shows a swap file beside the part file.
    const names = await listDirectory(dir);
    if (names.length === 1 && PART.test(names[0] as string)) return names[0] as string;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the paused part file never closed: ${(await listDirectory(dir)).join()}`);
}

/** The Range the second request asked for, checked to continue the first. */
async function resumedFrom(id: string): Promise<number> {
  const [first, second] = await fileRequests(id);
  const from = Number(/^bytes=(\d+)-$/.exec(second?.headers.range ?? '')?.[1]);
  expect(from, 'the second request asked for the rest').toBeGreaterThan(0);
  expect(from).toBeLessThanOrEqual(first?.bytesSent ?? 0);
  expect(second?.bytesSent, 'only the rest was sent again').toBe(SLOW.size - from);
  return from;
}

withOpfs(`pause, resume and resumeData with filePath (fetch)${skipped}`, () => {
  const { downloadFile } = createDownloader({ transport: 'fetch' });

  it('a paused download keeps what arrived in its part file; resume() continues it with Range', async () => {
    const dir = await freshDir();
    const id = newRequestId();
    const task = downloadFile({
      url: fileUrl(server(), { ...SLOW, seed: 91, id }),
      filePath: `${dir}/big.bin`,
    });
    const part = await pauseEarly(task, dir);
    // Closing an OPFS writable swaps the bytes in asynchronously (Firefox may show the file empty at first).
    await expect
      .poll(async () => (await readFile(`${dir}/${part}`)).byteLength, { timeout: 3_000 })
      .toBeGreaterThan(0);
    const kept = await readFile(`${dir}/${part}`);
    expect(firstDifference(kept, contentBytes(91, 0, kept.byteLength))).toBe(-1);
    expect(task.resumeData()).toMatchObject({ partial: `${dir}/${part}`, filePath: `${dir}/big.bin` });
    task.resume();
    const result = await task;
    expect(result).toMatchObject({ statusCode: 200, dataLength: SLOW.size, filePath: `${dir}/big.bin` });
    expect(await resumedFrom(id)).toBe(kept.byteLength);
    expect(await listDirectory(dir)).toEqual(['big.bin']);
    expect(firstDifference(await readFile(`${dir}/big.bin`), contentBytes(91, 0, SLOW.size))).toBe(-1);
  });

  it('resumeData continues the part file in another downloader, as after a reload', async () => {
    const dir = await freshDir();
    const id = newRequestId();
    const url = fileUrl(server(), { ...SLOW, seed: 92, id });
    const first = downloadFile({ url, filePath: `${dir}/big.bin` });
    first.catch(() => {});
    await pauseEarly(first, dir);
    const stored = JSON.parse(JSON.stringify(first.resumeData())) as ResumeData;
    const later = createDownloader({ transport: 'fetch' });
    const result = await later.downloadFile({ url, filePath: `${dir}/big.bin`, resumeData: stored });
    expect(result.dataLength).toBe(SLOW.size);
    await resumedFrom(id);
    expect(firstDifference(await readFile(`${dir}/big.bin`), contentBytes(92, 0, SLOW.size))).toBe(-1);
    first.abort();
    await first.catch(() => {});
    expect(await listDirectory(dir)).toEqual(['big.bin']);
  });

  it('abort() while paused removes the part file', async () => {
    const dir = await freshDir();
    const task = downloadFile({ url: fileUrl(server(), { ...SLOW, seed: 93 }), filePath: `${dir}/big.bin` });
    await pauseEarly(task, dir);
    task.abort();
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
    expect(await listDirectory(dir)).toEqual([]);
  });

  it('a resumeData naming a file that is no part file never touches it, and downloads from zero', async () => {
    const dir = await freshDir();
    const kept = await downloadFile({
      url: fileUrl(server(), { size: 5_000, seed: 94 }),
      filePath: `${dir}/kept.bin`,
    });
    expect(kept.dataLength).toBe(5_000);
    const id = newRequestId();
    const url = fileUrl(server(), { size: 20_000, seed: 95, id });
    const forged: ResumeData = {
      adapter: 'h5',
      url,
      filePath: `${dir}/big.bin`,
      partial: `${dir}/kept.bin`,
      validator: '"dl-20000-95"',
      bytes: 100,
    };
    const result = await downloadFile({ url, filePath: `${dir}/big.bin`, resumeData: forged });
    expect(result.dataLength).toBe(20_000);
    expect((await fileRequests(id))[0]?.headers.range).toBeUndefined();
    expect(await listDirectory(dir)).toEqual(['big.bin', 'kept.bin']);
    expect(firstDifference(await readFile(`${dir}/kept.bin`), contentBytes(94, 0, 5_000))).toBe(-1);
  });

  it('integrity over a continued file hashes the whole file; a mismatch leaves nothing', async () => {
    const integrityOf = async (seed: number) => {
      const digest = new Uint8Array(
        await crypto.subtle.digest('SHA-256', new Uint8Array(contentBytes(seed, 0, SLOW.size))),
      );
      return `sha256-${btoa(String.fromCharCode(...digest))}`;
    };
    for (const [seed, expected] of [
      [96, 96],
      [97, 98],
    ] as const) {
      const dir = await freshDir();
      const task = downloadFile({
        url: fileUrl(server(), { ...SLOW, seed }),
        filePath: `${dir}/big.bin`,
        integrity: await integrityOf(expected),
      });
      task.catch(() => {});
      await pauseEarly(task, dir);
      task.resume();
      if (seed === expected) {
        await task;
        expect(firstDifference(await readFile(`${dir}/big.bin`), contentBytes(seed, 0, SLOW.size))).toBe(-1);
      } else {
        await expect(task).rejects.toMatchObject({ code: 'INTEGRITY' });
        expect(await listDirectory(dir)).toEqual([]);
      }
    }
  });
});

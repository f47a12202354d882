import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import { contentBytes, fetchLog, fileUrl, newRequestId, redirectUrl } from '@dl/test-server/scenarios';
import type { DownloadTaskPromise, ResumeData } from '@dl/types';
import { describe, expect, it } from 'vitest';
import { createBlobUtilBackend, createDownloader } from '../src/portable';
import { createBlobUtilEmulator } from './emulator/blob-util-emulator';

// What only this adapter does when continuing (test/conformance.*.test.ts prove the contract's clauses):
// each continued response goes to a fresh part file, and only the rest of the resource joins the partial.
const SLOW = { size: 1_200_000, chunk: 16_384, delay: 8 } as const;

const fileRequests = async (id: string) =>
  (await fetchLog(testServerUrl(), id)).filter((e) => e.path === '/file' && e.method === 'GET');

/** Resolves at the first progress event at or past `percent`. */
const reached = (task: DownloadTaskPromise, percent: number) =>
  new Promise<void>((resolve) =>
    task.onProgressUpdate((event) => {
      if (event.progress >= percent) resolve();
    }),
  );

/** Pauses at `percent`, waits until the server saw the request closed (`count` /file requests so far). */
async function pauseAt(task: DownloadTaskPromise, percent: number, id: string, count: number) {
  await reached(task, percent);
  task.pause();
  for (let tries = 0; tries < 200; tries++) {
    const requests = await fileRequests(id);
    if (requests.length === count && requests[count - 1]!.clientAborted) return;
    await sleep(20);
  }
  throw new Error('the paused request was never closed');
}

const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const rangeStart = (range: string | undefined) => Number(/^bytes=(\d+)-$/.exec(range ?? '')?.[1]);
const sri = (algorithm: string, bytes: Uint8Array) =>
  `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;

describe.each(['android', 'ios'] as const)('continuing on the emulator (%s)', async (platform) => {
  const sandbox = await diskSandbox(`dl-rn-continue-${platform}`);
  const cacheDir = join(sandbox.root, 'cache');
  const documentDir = join(sandbox.root, 'documents');
  await mkdir(cacheDir);
  await mkdir(documentDir);
  const blobUtil = createBlobUtilEmulator({ cacheDir, documentDir, platform });
  const { downloadFile } = createDownloader({ backend: createBlobUtilBackend(blobUtil) });
  /** The saved file's SHA-256, read back with Node (comparing megabytes element by element is slow). */
  const saved = async (path: string | undefined) =>
    digestOf(await readFile(path!.startsWith('file://') ? fileURLToPath(path!) : path!));

  it('a download continued through redirects keeps their bodies out of the file', async () => {
    const id = newRequestId();
    const seed = 41;
    const task = downloadFile({ url: redirectUrl(testServerUrl(), { n: 2, ...SLOW, seed, id }) });
    await pauseAt(task, 10, id, 1);
    task.resume();
    const result = await task;
    const [first, second] = await fileRequests(id);
    expect(rangeStart(second!.headers.range)).toBeGreaterThan(0);
    expect(rangeStart(second!.headers.range)).toBeLessThanOrEqual(first!.bytesSent);
    // Two redirects answered each attempt, each with a body the library saved somewhere.
    const redirects = (await fetchLog(testServerUrl(), id)).filter((e) => e.path === '/redirect');
    expect(redirects).toHaveLength(4);
    expect(await saved(result.tempFilePath)).toBe(digestOf(contentBytes(seed, 0, SLOW.size)));
  });

  it('what a continuation received before a second pause is kept: the next Range starts further on', async () => {
    const id = newRequestId();
    const seed = 42;
    const task = downloadFile({ url: fileUrl(testServerUrl(), { ...SLOW, seed, id }) });
    await pauseAt(task, 10, id, 1);
    task.resume();
    await pauseAt(task, 50, id, 2);
    task.resume();
    const result = await task;
    const [first, second, third] = await fileRequests(id);
    const secondFrom = rangeStart(second!.headers.range);
    const thirdFrom = rangeStart(third!.headers.range);
    expect(secondFrom).toBeLessThanOrEqual(first!.bytesSent);
    expect(thirdFrom, 'the second attempt’s bytes were appended').toBeGreaterThan(secondFrom);
    expect(thirdFrom).toBeLessThanOrEqual(secondFrom + second!.bytesSent);
    expect(third!.bytesSent).toBe(SLOW.size - thirdFrom);
    expect(await saved(result.tempFilePath)).toBe(digestOf(contentBytes(seed, 0, SLOW.size)));
  });

  it('integrity of a continued download is checked over the whole file', async () => {
    const seed = 43;
    const whole = contentBytes(seed, 0, SLOW.size);
    for (const algorithm of ['sha256', 'sha384', 'sha512']) {
      const id = newRequestId();
      const task = downloadFile({
        url: fileUrl(testServerUrl(), { ...SLOW, seed, id }),
        integrity: sri(algorithm, whole),
      });
      await pauseAt(task, 20, id, 1);
      task.resume();
      const result = await task;
      expect((await fileRequests(id))[1]!.headers.range, algorithm).toMatch(/^bytes=[1-9]\d*-$/);
      expect(await saved(result.tempFilePath)).toBe(digestOf(whole));
    }
  });

  it('a continued download whose digest does not match fails with INTEGRITY and leaves no part file', async () => {
    const id = newRequestId();
    const seed = 44;
    const before = await readdir(cacheDir);
    const task = downloadFile({
      url: fileUrl(testServerUrl(), { ...SLOW, seed, id }),
      integrity: sri('sha256', contentBytes(seed + 1, 0, SLOW.size)),
    });
    task.catch(() => {});
    await pauseAt(task, 20, id, 1);
    task.resume();
    await expect(task).rejects.toMatchObject({ code: 'INTEGRITY' });
    expect(await readdir(cacheDir)).toEqual(before);
  });

  it('a resumeData naming a file that is not one of dl’s part files never touches it', async () => {
    const victim = join(cacheDir, 'victim.bin');
    await writeFile(victim, 'keep me');
    const id = newRequestId();
    const url = fileUrl(testServerUrl(), { size: 5000, seed: 45, id });
    const resumeData: ResumeData = { adapter: 'rn', url, partial: victim, validator: '"x"', bytes: 7 };
    const result = await downloadFile({ url, resumeData });
    expect((await fileRequests(id))[0]!.headers.range, 'downloaded from zero').toBeUndefined();
    expect(await saved(result.tempFilePath)).toBe(digestOf(contentBytes(45, 0, 5000)));
    expect(await readFile(victim, 'utf8')).toBe('keep me');
  });

  it('a part file named in a resumeData but kept in another directory is not continued', async () => {
    const elsewhere = join(documentDir, '.victim.bin.0123456789ab.part');
    await writeFile(elsewhere, 'not of this download');
    const id = newRequestId();
    const url = fileUrl(testServerUrl(), { size: 5000, seed: 46, id });
    const resumeData: ResumeData = { adapter: 'rn', url, partial: elsewhere, validator: '"x"', bytes: 7 };
    await expect(downloadFile({ url, resumeData })).rejects.toMatchObject({ code: 'FILE_SYSTEM' });
    expect(await fileRequests(id), 'refused before any request').toHaveLength(0);
  });
  it("another download's part file beside the same directory is not continued, and it is left as it was", async () => {
    const other = join(cacheDir, '.victim.bin.0123456789ab.part');
    await writeFile(other, 'PRECIOUS');
    const id = newRequestId();
    const url = fileUrl(testServerUrl(), { size: 5000, seed: 47, id });
    const resumeData: ResumeData = {
      adapter: 'rn',
      url,
      partial: other,
      validator: '"dl-5000-47"',
      bytes: 8,
    };
    await expect(downloadFile({ url, resumeData })).rejects.toMatchObject({ code: 'FILE_SYSTEM' });
    expect(await fileRequests(id), 'refused before any request').toHaveLength(0);
    expect(await readFile(other, 'utf8')).toBe('PRECIOUS');
  });
});

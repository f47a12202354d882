import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testServerUrl } from '@dl/conformance';
import { type DownloadJob, isDownloadError } from '@dl/core';
import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import { describe, expect, it } from 'vitest';
import { httpGet } from '../src/http';
import { PartFile } from '../src/part-file';
import { MAX_PENDING_BYTES, pump } from '../src/pump';

/** The part of a job pump reads: its signal, and the progress it reports. */
function fakeJob(controller = new AbortController()) {
  const progress: number[] = [];
  const job = { signal: controller.signal, progress: (written: number) => progress.push(written) };
  return { job: job as unknown as DownloadJob, progress };
}

/** A file whose writes take `delay` ms each, recording what it was given and the most it held at once. */
function slowFile(delay: number) {
  const bytes: Uint8Array[] = [];
  const record = { batches: 0, largestBatch: 0 };
  const file = {
    async write(chunks: readonly Uint8Array[], position: number) {
      const size = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
      expect(position).toBe(bytes.reduce((sum, chunk) => sum + chunk.byteLength, 0));
      record.batches++;
      record.largestBatch = Math.max(record.largestBatch, size);
      await sleep(delay);
      bytes.push(...chunks.map((chunk) => Uint8Array.from(chunk)));
    },
  };
  return { file: file as unknown as PartFile, bytes: () => Buffer.concat(bytes), record };
}

describe('writing the body to the part file', () => {
  it('gathers what arrives during a slow write into one batch and pauses the body past the limit', async () => {
    const size = 8 * 1024 * 1024;
    const response = await httpGet(
      fileUrl(testServerUrl(), { size, seed: 3 }),
      {},
      new AbortController().signal,
    );
    const { file, bytes, record } = slowFile(20);
    const { job, progress } = fakeJob();
    expect(await pump(response, file, job, 0, undefined)).toBe(size);
    expect(Buffer.compare(bytes(), Buffer.from(contentBytes(3, 0, size)))).toBe(0);
    // Far fewer writes than 64 KiB chunks, none much past the limit (one chunk may land on top of it).
    expect(record.batches).toBeLessThan(size / 65_536 / 2);
    expect(record.largestBatch).toBeLessThanOrEqual(MAX_PENDING_BYTES + 65_536);
    expect(progress.at(-1)).toBe(size);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('a failed write rejects with FILE_SYSTEM and closes the connection', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dl-pump-'));
    try {
      const file = await PartFile.create(join(dir, 'out.bin'));
      await file.close(); // every write now fails
      const response = await httpGet(
        fileUrl(testServerUrl(), { size: 1_000_000 }),
        {},
        new AbortController().signal,
      );
      const error = await pump(response, file, fakeJob().job, 0, undefined).catch((e: unknown) => e);
      expect(isDownloadError(error) && error.code).toBe('FILE_SYSTEM');
      expect(response.body.destroyed).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('an abort during a write stops at once and settles only after that write returned', async () => {
    const controller = new AbortController();
    const response = await httpGet(fileUrl(testServerUrl(), { size: 4_000_000 }), {}, controller.signal);
    let writing = false;
    let writeEndedBeforeSettle = true;
    const file = {
      async write() {
        writing = true;
        controller.abort(new Error('stop'));
        await sleep(30);
        writing = false;
      },
    } as unknown as PartFile;
    const error = await pump(response, file, fakeJob(controller).job, 0, undefined).catch((e: unknown) => {
      writeEndedBeforeSettle = !writing;
      return e;
    });
    expect((error as Error).message).toBe('stop');
    expect(writeEndedBeforeSettle).toBe(true);
    expect(response.body.destroyed).toBe(true);
  });

  it('a body cut before writing began (while the file was opening) rejects, never waits', async () => {
    const response = await httpGet(
      fileUrl(testServerUrl(), { size: 100_000, cutAt: 1000 }),
      {},
      new AbortController().signal,
    );
    await new Promise((resolve) => response.body.once('close', resolve));
    const { file } = slowFile(0);
    await expect(pump(response, file, fakeJob().job, 0, undefined)).rejects.toThrow();
  });

  it('appends after the offset of a continued file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dl-pump-'));
    try {
      const file = await PartFile.create(join(dir, 'out.bin'));
      await file.write([Buffer.from('saved-')], 0);
      const response = await httpGet(
        fileUrl(testServerUrl(), { size: 100, seed: 5 }),
        {},
        new AbortController().signal,
      );
      expect(await pump(response, file, fakeJob().job, 6, undefined)).toBe(106);
      await file.commit();
      const saved = await readFile(join(dir, 'out.bin'));
      expect(saved.subarray(0, 6).toString()).toBe('saved-');
      expect(Buffer.compare(saved.subarray(6), Buffer.from(contentBytes(5, 0, 100)))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

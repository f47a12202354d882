import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import { UNKNOWN_SIZE_INTERVAL_MS } from '@dl/core';
import {
  contentBytes,
  fetchLog,
  fileUrl,
  newRequestId,
  redirectUrl,
  refusedUrl,
} from '@dl/test-server/scenarios';
import { describe, expect, it } from 'vitest';
import { NativeFailure } from '../src/backend';
import { createBlobUtilBackend, toNativeFailure } from '../src/backends/blob-util';
import { adapter, createDownloader } from '../src/portable';
import { createBlobUtilEmulator } from './emulator/blob-util-emulator';

const { root } = await diskSandbox('dl-rn-backend');
const cacheDir = join(root, 'cache');
const documentDir = join(root, 'documents');
await mkdir(cacheDir);
await mkdir(documentDir);
const blobUtil = createBlobUtilEmulator({ cacheDir, documentDir });
const backend = createBlobUtilBackend(blobUtil);
const { downloadFile } = createDownloader({ backend });

const iosBlobUtil = createBlobUtilEmulator({ cacheDir, documentDir, platform: 'ios' });
const iosBackend = createBlobUtilBackend(iosBlobUtil);

/** Runs one backend transfer and records what it reported. */
async function transfer(url: string, toFile: string, headers: Record<string, string> = {}, native = backend) {
  const responses: Array<[number, Record<string, string>]> = [];
  const progress: Array<[number, number]> = [];
  const running = native.fetchToFile({
    url,
    headers,
    toFile,
    onResponse: (status, header) => responses.push([status, header]),
    onProgress: (written, total) => progress.push([written, total]),
  });
  const result = await running.done;
  return { result, responses, progress };
}

/** A body sent in `chunk`-byte pieces `delay` ms apart, without a Content-Length. */
const unknownLengthUrl = (size: number, chunk: number, delay: number) =>
  fileUrl(testServerUrl(), { size, length: 'none', chunk, delay, id: newRequestId() });

describe('react-native-blob-util backend (on the emulator)', () => {
  it('reports each response head once, to its own task only, although the library broadcasts it twice', async () => {
    const [a, b] = await Promise.all([
      transfer(
        fileUrl(testServerUrl(), { size: 3000, status: 404, id: newRequestId() }),
        join(root, 'a.bin'),
      ),
      transfer(
        fileUrl(testServerUrl(), { size: 2000, status: 201, id: newRequestId() }),
        join(root, 'b.bin'),
      ),
    ]);
    expect(a.responses.map(([status]) => status)).toEqual([404]);
    expect(b.responses.map(([status]) => status)).toEqual([201]);
    expect(a.result.statusCode).toBe(404);
    // Any status's body is saved byte for byte.
    expect(new Uint8Array(await readFile(join(root, 'a.bin')))).toEqual(contentBytes(1, 0, 3000));
  });

  it('does not follow redirects itself, so the driver can count them', async () => {
    const id = newRequestId();
    const { result, responses } = await transfer(
      redirectUrl(testServerUrl(), { n: 2, size: 10, id }),
      join(root, 'r.bin'),
    );
    expect([301, 302, 303, 307, 308]).toContain(result.statusCode);
    expect(Object.keys(result.headers).some((name) => name.toLowerCase() === 'location')).toBe(true);
    expect(responses).toHaveLength(1);
    expect((await fetchLog(testServerUrl(), id)).map((r) => r.path)).toEqual(['/redirect']);
  });

  it('hands header names through in the platform casing; the adapter lower-cases them', async () => {
    const url = fileUrl(testServerUrl(), { size: 10, hdr: ['X-Dl-Custom:Hello'], id: newRequestId() });
    const { responses } = await transfer(url, join(root, 'h.bin'));
    expect(responses[0]![1]).toMatchObject({ 'X-Dl-Custom': 'Hello' });
    const result = await downloadFile({ url });
    expect(result.header['x-dl-custom']).toBe('Hello');
    expect(Object.keys(result.header).every((n) => n === n.toLowerCase())).toBe(true);
  });

  it('gets no byte count from the library while a length is unknown, so the file size stands in', async () => {
    const url = unknownLengthUrl(200_000, 4000, 10);
    const raw = await transfer(url, join(root, 'u.bin'));
    expect(raw.progress.slice(0, -1).length).toBeGreaterThan(0);
    expect(raw.progress.slice(0, -1).every(([written, total]) => written === 0 && total === -1)).toBe(true);
    const seen: number[] = [];
    const task = downloadFile({ url });
    task.onProgressUpdate((e) => seen.push(e.totalBytesWritten));
    await task;
    expect(seen.slice(0, -1).some((written) => written > 0 && written < 200_000)).toBe(true);
  });

  it('stops reading the growing file once a download succeeds, fails or is aborted', async () => {
    let sizeReads = 0;
    const counting = {
      ...backend,
      size: (path: string) => {
        sizeReads++;
        return backend.size(path);
      },
    };
    const counted = createDownloader({ backend: counting }).downloadFile;
    /** Size reads while the task ran and in the four poll intervals after it settled. */
    async function reads(task: Promise<unknown>) {
      const before = sizeReads;
      const outcome = await task.then(
        () => 'ok',
        (error: { code: string }) => error.code,
      );
      const during = sizeReads - before;
      await sleep(4 * UNKNOWN_SIZE_INTERVAL_MS);
      return { outcome, during, after: sizeReads - before - during };
    }
    const slow = { size: 40_000, length: 'none', chunk: 4000, delay: 30 } as const;

    const succeeded = await reads(counted({ url: unknownLengthUrl(slow.size, slow.chunk, slow.delay) }));
    const cut = fileUrl(testServerUrl(), { ...slow, cutAt: 20_000, id: newRequestId() });
    const failed = await reads(counted({ url: cut }));
    const aborted = counted({ url: unknownLengthUrl(slow.size, slow.chunk, slow.delay) });
    setTimeout(() => aborted.abort(), 150);
    const abortedReads = await reads(aborted);

    expect([succeeded, failed, abortedReads].map((r) => r.outcome)).toEqual(['ok', 'NETWORK', 'ABORTED']);
    for (const { during, after } of [succeeded, failed, abortedReads]) {
      expect(during).toBeGreaterThan(1);
      expect(after).toBe(0);
    }
  });

  it('turns the library failure for an unopenable output file into a file-system failure', async () => {
    const dirAsTarget = join(root, 'is-a-directory');
    await mkdir(dirAsTarget);
    const error = await transfer(
      fileUrl(testServerUrl(), { size: 100, id: newRequestId() }),
      dirAsTarget,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NativeFailure);
    expect(error).toMatchObject({
      kind: 'file-system',
      message: 'Unexpected FileStorage response file: null',
    });
  });

  it('fails a filePath in a missing directory with 603303 before any request', async () => {
    const id = newRequestId();
    const error = await downloadFile({
      url: fileUrl(testServerUrl(), { size: 100, id }),
      filePath: `file://${join(documentDir, 'nope', 'x.bin')}`,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_SYSTEM', errno: 603303 });
    expect(await fetchLog(testServerUrl(), id)).toEqual([]);
    expect(await readdir(documentDir)).not.toContain('nope');
  });

  it('saves temporary files as file:///…/dl-… in the cache directory', async () => {
    const result = await downloadFile({ url: fileUrl(testServerUrl(), { size: 10, id: newRequestId() }) });
    expect(result.tempFilePath).toMatch(/^file:\/\/\//);
    const path = fileURLToPath(result.tempFilePath!);
    expect(path.startsWith(`${cacheDir}/dl-`)).toBe(true);
    expect((await readFile(path)).byteLength).toBe(10);
  });

  it('claims the whole contract', () => {
    expect(adapter.name).toBe('rn');
    expect(Object.values(adapter.capabilities).every((v) => v !== false)).toBe(true);
    expect(adapter.capabilities.maxRedirects).toBe(15);
  });
});

describe('react-native-blob-util backend (on the emulator, iOS mode)', () => {
  it('gets NSURLSession header names (Etag, X-Dl-Custom), once per response; the adapter lower-cases them', async () => {
    const url = fileUrl(testServerUrl(), {
      size: 10,
      hdr: ['ETag:"v1"', 'x-dl-custom:Hello'],
      id: newRequestId(),
    });
    const [a, b] = await Promise.all([
      transfer(url, join(root, 'ios-h1.bin'), {}, iosBackend),
      transfer(url, join(root, 'ios-h2.bin'), {}, iosBackend),
    ]);
    expect(a.responses).toHaveLength(1);
    expect(b.responses).toHaveLength(1);
    expect(a.responses[0]![1]).toMatchObject({
      Etag: '"v1"',
      'X-Dl-Custom': 'Hello',
      'Content-Length': '10',
    });
    const result = await createDownloader({ backend: iosBackend }).downloadFile({ url });
    expect(result.header).toMatchObject({ etag: '"v1"', 'x-dl-custom': 'Hello', 'content-length': '10' });
  });

  it('reports (0, -1) while a length is unknown and the real count once at the end', async () => {
    const url = unknownLengthUrl(50_000, 5000, 5);
    const { progress } = await transfer(url, join(root, 'ios-u.bin'), {}, iosBackend);
    expect(progress.slice(0, -1).length).toBeGreaterThan(0);
    expect(progress.slice(0, -1).every(([written, total]) => written === 0 && total === -1)).toBe(true);
    expect(progress.at(-1)).toEqual([50_000, 50_000]);
  });

  it('turns the success iOS reports for an unopenable output file into a file-system failure', async () => {
    const dirAsTarget = join(root, 'ios-is-a-directory');
    await mkdir(dirAsTarget);
    const error = await transfer(
      fileUrl(testServerUrl(), { size: 100, id: newRequestId() }),
      dirAsTarget,
      {},
      iosBackend,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NativeFailure);
    expect(error).toMatchObject({ kind: 'file-system' });
  });

  it('moves onto an existing file although iOS mv refuses to replace one', async () => {
    const from = join(root, 'ios-from.bin');
    const to = join(root, 'ios-to.bin');
    await transfer(fileUrl(testServerUrl(), { size: 30, seed: 7, id: newRequestId() }), from, {}, iosBackend);
    await transfer(fileUrl(testServerUrl(), { size: 20, seed: 8, id: newRequestId() }), to, {}, iosBackend);
    await expect(iosBlobUtil.fs.mv(from, to)).rejects.toThrow(/already exists/);
    await iosBackend.move(from, to);
    expect(new Uint8Array(await readFile(to))).toEqual(contentBytes(7, 0, 30));
  });

  it('maps iOS network messages (refused, timed out) to network failures', async () => {
    const refused = await transfer(
      await refusedUrl(testServerUrl()),
      join(root, 'ios-r.bin'),
      {},
      iosBackend,
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'network', message: 'Could not connect to the server.' });

    // The library's own `timeout` option is the session's idle timeout.
    const stalled = fileUrl(testServerUrl(), { size: 10_000, stallAt: 1000, id: newRequestId() });
    const timedOut = await iosBlobUtil
      .config({ path: join(root, 'ios-t.bin'), timeout: 200 })
      .fetch('GET', stalled)
      .catch((e: unknown) => e);
    expect(toNativeFailure(timedOut)).toMatchObject({
      kind: 'network',
      message: 'The request timed out.',
    });
  });
});

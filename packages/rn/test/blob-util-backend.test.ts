import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '@dl/test-server';
import { contentBytes, fetchLog, fileUrl, newRequestId, redirectUrl } from '@dl/test-server/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeFailure } from '../src/backend';
import { createBlobUtilBackend } from '../src/backends/blob-util';
import { adapter, createDownloader } from '../src/portable';
import { createBlobUtilEmulator } from './emulator/blob-util-emulator';

const root = await mkdtemp(join(tmpdir(), 'dl-rn-backend-'));
const cacheDir = join(root, 'cache');
const documentDir = join(root, 'documents');
await mkdir(cacheDir);
await mkdir(documentDir);
const blobUtil = createBlobUtilEmulator({ cacheDir, documentDir });
const backend = createBlobUtilBackend(blobUtil);
const { downloadFile } = createDownloader({ backend });
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** Runs one backend transfer and records what it reported. */
async function transfer(url: string, toFile: string, headers: Record<string, string> = {}) {
  const responses: Array<[number, Record<string, string>]> = [];
  const progress: Array<[number, number]> = [];
  const native = backend.fetchToFile({
    url,
    headers,
    toFile,
    onResponse: (status, header) => responses.push([status, header]),
    onProgress: (written, total) => progress.push([written, total]),
  });
  const result = await native.done;
  return { result, responses, progress };
}

describe('react-native-blob-util backend (on the emulator)', () => {
  it('reports each response head once, to its own task only, although the library broadcasts it twice', async () => {
    const [a, b] = await Promise.all([
      transfer(fileUrl(server.url, { size: 3000, status: 404, id: newRequestId() }), join(root, 'a.bin')),
      transfer(fileUrl(server.url, { size: 2000, status: 201, id: newRequestId() }), join(root, 'b.bin')),
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
      redirectUrl(server.url, { n: 2, size: 10, id }),
      join(root, 'r.bin'),
    );
    expect([301, 302, 303, 307, 308]).toContain(result.statusCode);
    expect(Object.keys(result.headers).some((name) => name.toLowerCase() === 'location')).toBe(true);
    expect(responses).toHaveLength(1);
    expect((await fetchLog(server.url, id)).map((r) => r.path)).toEqual(['/redirect']);
  });

  it('hands header names through in the platform casing; the adapter lower-cases them', async () => {
    const url = fileUrl(server.url, { size: 10, hdr: ['X-Dl-Custom:Hello'], id: newRequestId() });
    const { responses } = await transfer(url, join(root, 'h.bin'));
    expect(responses[0]![1]['X-Dl-Custom'] ?? responses[0]![1]['x-dl-custom']).toBe('Hello');
    const result = await downloadFile({ url });
    expect(result.header['x-dl-custom']).toBe('Hello');
    expect(Object.keys(result.header).every((n) => n === n.toLowerCase())).toBe(true);
  });

  it('gets no byte count from the library while a length is unknown, so the file size stands in', async () => {
    const url = fileUrl(server.url, {
      size: 200_000,
      length: 'none',
      chunk: 4000,
      delay: 10,
      id: newRequestId(),
    });
    const raw = await transfer(url, join(root, 'u.bin'));
    expect(raw.progress.slice(0, -1).every(([written, total]) => written === 0 && total === -1)).toBe(true);
    const seen: number[] = [];
    const task = downloadFile({ url });
    task.onProgressUpdate((e) => seen.push(e.totalBytesWritten));
    await task;
    expect(seen.slice(0, -1).some((written) => written > 0 && written < 200_000)).toBe(true);
  });

  it('turns the library failure for an unopenable output file into a file-system failure', async () => {
    const dirAsTarget = join(root, 'is-a-directory');
    await mkdir(dirAsTarget);
    const error = await transfer(fileUrl(server.url, { size: 100, id: newRequestId() }), dirAsTarget).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NativeFailure);
    expect(error).toMatchObject({
      kind: 'file-system',
      message: 'Unexpected FileStorage response file: null',
    });
  });

  it('fails a filePath in a missing directory with 603303 before any request', async () => {
    const id = newRequestId();
    const error = await downloadFile({
      url: fileUrl(server.url, { size: 100, id }),
      filePath: `file://${join(documentDir, 'nope', 'x.bin')}`,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_SYSTEM', errno: 603303 });
    expect(await fetchLog(server.url, id)).toEqual([]);
    expect(await readdir(documentDir)).not.toContain('nope');
  });

  it('saves temporary files as file:///…/dl-… in the cache directory', async () => {
    const result = await downloadFile({ url: fileUrl(server.url, { size: 10, id: newRequestId() }) });
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

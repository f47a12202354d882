import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@dl/test-server';
import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMyEmulator } from '../src/index';
import { download, fsCall } from './helpers';

let server: TestServer;
let root: string;
let made = 0;
beforeAll(async () => {
  server = await startTestServer();
  root = await mkdtemp(join(tmpdir(), 'dl-emulator-my-'));
});
afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

const myEmulator = () => {
  const dir = join(root, `e${++made}`);
  return createMyEmulator({ userDataPath: join(dir, 'usr'), tempPath: join(dir, 'tmp') });
};

describe('my.downloadFile (Alipay flavour)', () => {
  it('success gives apFilePath (https://resource/apml…), statusCode, header and dataLength', async () => {
    const my = myEmulator();
    const { outcome, result } = await download(my, { url: fileUrl(server.url, { size: 900, seed: 4 }) });
    expect(outcome).toBe('success');
    expect(result.apFilePath).toMatch(/^https:\/\/resource\/apml[0-9a-f]+$/);
    expect(result).not.toHaveProperty('tempFilePath');
    expect(result).not.toHaveProperty('errMsg');
    expect(result).toMatchObject({ statusCode: 200, dataLength: 900, header: { 'content-length': '900' } });
    const saved = await readFile(my.resolvePath(result.apFilePath));
    expect(Buffer.compare(saved, contentBytes(4, 0, 900))).toBe(0);
  });

  it('filePath lies under https://usr', async () => {
    const my = myEmulator();
    expect(my.env.USER_DATA_PATH).toBe('https://usr');
    const { result } = await download(my, {
      url: fileUrl(server.url, { size: 20 }),
      filePath: 'https://usr/x.bin',
    });
    expect(result.filePath).toBe('https://usr/x.bin');
    expect((await readFile(join(my.userDataDir, 'x.bin'))).byteLength).toBe(20);
  });

  it('the headers event names its field `headers`', async () => {
    const { headers } = await download(myEmulator(), {
      url: fileUrl(server.url, { size: 5, hdr: ['X-B:c'] }),
    });
    expect(headers).toHaveLength(1);
    expect(headers[0]).toMatchObject({ headers: { 'x-b': 'c' }, statusCode: 200 });
    expect(headers[0]).not.toHaveProperty('header');
  });

  it('failures are { error, errorMessage }: 2 bad URL, 13 timeout, 20 abort, 12 network', async () => {
    const my = myEmulator();
    expect((await download(my, { url: 'ftp://x/y' })).result).toEqual({
      error: 2,
      errorMessage: 'url scheme is invalid',
    });
    const timedOut = await download(my, { url: fileUrl(server.url, { size: 5, wait: 2000 }), timeout: 200 });
    expect(timedOut.result).toEqual({ error: 13, errorMessage: 'timeout' });
    const aborted = await download(my, { url: fileUrl(server.url, { size: 5, wait: 2000 }) }, (task) =>
      setTimeout(() => task.abort(), 50),
    );
    expect(aborted.result).toEqual({ error: 20, errorMessage: 'abort' });
    const cut = await download(my, { url: fileUrl(server.url, { size: 300_000, cutAt: 50_000 }) });
    expect(cut.result.error).toBe(12);
    expect(await readdir(my.tempDir)).toEqual([]);
  });

  it('its file-system manager fails with { error, errorMessage } too', async () => {
    const my = myEmulator();
    const { ok, result } = await fsCall(my.getFileSystemManager().access, { path: 'https://usr/missing' });
    expect(ok).toBe(false);
    expect(result).toEqual({ error: 2, errorMessage: 'no such file or directory' });
  });
});

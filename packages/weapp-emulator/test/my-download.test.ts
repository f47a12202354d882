import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import { describe, expect, it } from 'vitest';
import { createMyEmulator } from '../src/index';
import { download, emulatorIn, expectContent, fsCall } from './support/emulator-calls';

const sandbox = await diskSandbox('dl-emulator-my');
const myEmulator = () => emulatorIn(sandbox, createMyEmulator);

describe('my.downloadFile (Alipay flavour)', () => {
  it('success gives apFilePath (https://resource/apml…), statusCode, header and dataLength', async () => {
    const my = await myEmulator();
    const { outcome, result } = await download(my, { url: fileUrl(testServerUrl(), { size: 900, seed: 4 }) });
    expect(outcome).toBe('success');
    expect(result.apFilePath).toMatch(/^https:\/\/resource\/apml[0-9a-f]+$/);
    expect(result).not.toHaveProperty('tempFilePath');
    expect(result).not.toHaveProperty('errMsg');
    expect(result).toMatchObject({ statusCode: 200, dataLength: 900, header: { 'content-length': '900' } });
    await expectContent(my.resolvePath(result.apFilePath), 900, 4);
  });

  it('filePath lies under https://usr', async () => {
    const my = await myEmulator();
    expect(my.env.USER_DATA_PATH).toBe('https://usr');
    const { result } = await download(my, {
      url: fileUrl(testServerUrl(), { size: 20, seed: 6 }),
      filePath: 'https://usr/x.bin',
    });
    expect(result.filePath).toBe('https://usr/x.bin');
    await expectContent(join(my.userDataDir, 'x.bin'), 20, 6);
  });

  it('the headers event names its field `headers`', async () => {
    const { headers } = await download(await myEmulator(), {
      url: fileUrl(testServerUrl(), { size: 5, hdr: ['X-B:c'] }),
    });
    expect(headers).toHaveLength(1);
    expect(headers[0]).toMatchObject({ headers: { 'x-b': 'c' }, statusCode: 200 });
    expect(headers[0]).not.toHaveProperty('header');
  });

  it('failures are { error, errorMessage }: 2 bad URL, 13 timeout, 20 abort, 12 network', async () => {
    const my = await myEmulator();
    expect((await download(my, { url: 'ftp://x/y' })).result).toEqual({
      error: 2,
      errorMessage: 'url scheme is invalid',
    });
    const timedOut = await download(my, {
      url: fileUrl(testServerUrl(), { size: 5, wait: 2000 }),
      timeout: 200,
    });
    expect(timedOut.result).toEqual({ error: 13, errorMessage: 'timeout' });
    const aborted = await download(my, { url: fileUrl(testServerUrl(), { size: 5, wait: 2000 }) }, (task) =>
      setTimeout(() => task.abort(), 50),
    );
    expect(aborted.result).toEqual({ error: 20, errorMessage: 'abort' });
    const cut = await download(my, { url: fileUrl(testServerUrl(), { size: 300_000, cutAt: 50_000 }) });
    expect(cut.result.error).toBe(12);
    expect(await readdir(my.tempDir)).toEqual([]);
  });

  it('readFile reads the whole file: Alipay documents no position or length', async () => {
    const my = await myEmulator();
    const { result } = await download(my, { url: fileUrl(testServerUrl(), { size: 700, seed: 5 }) });
    const { ok, result: read } = await fsCall(my.getFileSystemManager().readFile, {
      filePath: result.apFilePath,
      position: 100,
      length: 50,
    });
    expect(ok).toBe(true);
    expect(Buffer.compare(Buffer.from(read.data), contentBytes(5, 0, 700))).toBe(0);
  });

  it('its file-system manager fails with { error, errorMessage } too', async () => {
    const my = await myEmulator();
    const { ok, result } = await fsCall(my.getFileSystemManager().access, { path: 'https://usr/missing' });
    expect(ok).toBe(false);
    expect(result).toEqual({ error: 2, errorMessage: 'no such file or directory' });
  });
});

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import {
  contentBytes,
  fetchLog,
  fileUrl,
  newRequestId,
  redirectUrl,
  refusedUrl,
} from '@dl/test-server/scenarios';
import { describe, expect, it } from 'vitest';
import { createWxEmulator, DEFAULT_TIMEOUT_MS, type EmulatorOptions } from '../src/index';
import { download, emulatorIn, expectContent, fsCall } from './support/emulator-calls';

const sandbox = await diskSandbox('dl-emulator-wx');
const wxEmulator = (options: Omit<EmulatorOptions, 'userDataPath'> = {}) =>
  emulatorIn(sandbox, createWxEmulator, options);
const file = (params: Parameters<typeof fileUrl>[1]) => fileUrl(testServerUrl(), params);

describe('wx.downloadFile: success', () => {
  it('saves the body to a wxfile://tmp_ path that resolvePath reads back; result as WeChat documents it', async () => {
    const wx = await wxEmulator();
    const { outcome, result, sync } = await download(wx, { url: file({ size: 30_000, seed: 1 }) });
    expect(sync, 'callbacks come after downloadFile returns').toBe(0);
    expect(outcome).toBe('success');
    expect(result.errMsg).toBe('downloadFile:ok');
    expect(result.statusCode).toBe(200);
    expect(result.tempFilePath).toMatch(/^wxfile:\/\/tmp_[0-9a-f]+$/);
    // WeChat's success result carries neither the headers nor the size.
    expect(result).not.toHaveProperty('header');
    expect(result).not.toHaveProperty('dataLength');
    expect(result.profile).toMatchObject({ protocol: 'http/1.1', receivedBytedCount: 30_000 });
    await expectContent(wx.resolvePath(result.tempFilePath), 30_000, 1);
    expect(wx.resolvePath(result.tempFilePath).startsWith(wx.tempDir)).toBe(true);
  });

  it('saves to filePath under USER_DATA_PATH (wxfile://usr/…) and reports it', async () => {
    const wx = await wxEmulator();
    expect(wx.env.USER_DATA_PATH).toBe('wxfile://usr');
    const filePath = `${wx.env.USER_DATA_PATH}/saved.bin`;
    const { result } = await download(wx, { url: file({ size: 4000, seed: 2 }), filePath });
    expect(result).toMatchObject({ errMsg: 'downloadFile:ok', filePath });
    expect(result).not.toHaveProperty('tempFilePath');
    await expectContent(join(wx.userDataDir, 'saved.bin'), 4000, 2);
  });

  it('calls success for any HTTP status, with the body saved', async () => {
    const wx = await wxEmulator();
    const { outcome, result } = await download(wx, { url: file({ size: 700, seed: 404, status: 404 }) });
    expect(outcome).toBe('success');
    expect(result.statusCode).toBe(404);
    await expectContent(wx.resolvePath(result.tempFilePath), 700, 404);
  });

  it('sends the request headers', async () => {
    const wx = await wxEmulator();
    const id = newRequestId();
    await download(wx, { url: file({ size: 1, id }), header: { 'X-Emulated': 'yes', 'X-Num': 5 } });
    const [request] = await fetchLog(testServerUrl(), id);
    expect(request!.headers['x-emulated']).toBe('yes');
    expect(request!.headers['x-num']).toBe('5');
  });

  it('follows up to 15 redirects; the headers event is for the final response', async () => {
    const wx = await wxEmulator();
    const { outcome, result, headers } = await download(wx, {
      url: redirectUrl(testServerUrl(), { n: 15, size: 60, seed: 7 }),
    });
    expect(outcome).toBe('success');
    expect(headers).toHaveLength(1);
    expect(headers[0].header['content-length']).toBe('60');
    await expectContent(wx.resolvePath(result.tempFilePath), 60, 7);
  });
});

describe('wx.downloadFile: events', () => {
  it('headers event: { header, statusCode, cookies }, once, before progress', async () => {
    const wx = await wxEmulator();
    const order: string[] = [];
    const { headers, progress } = await download(
      wx,
      { url: file({ size: 100_000, chunk: 10_000, delay: 2, status: 201, hdr: ['X-A:b'] }) },
      (task) => {
        task.onHeadersReceived(() => order.push('headers'));
        task.onProgressUpdate(() => order.push('progress'));
      },
    );
    expect(headers).toHaveLength(1);
    expect(headers[0]).toMatchObject({ statusCode: 201, header: { 'x-a': 'b' } });
    expect(Array.isArray(headers[0].cookies)).toBe(true);
    expect(progress.length).toBeGreaterThan(1);
    expect(order).toEqual(['headers', ...progress.map(() => 'progress')]);
  });

  it('statusCodeInHeadersEvent: false gives { header } only, as the developer tools do', async () => {
    const wx = await wxEmulator({ statusCodeInHeadersEvent: false });
    const { headers } = await download(wx, { url: file({ size: 100 }) });
    expect(headers[0]).not.toHaveProperty('statusCode');
    expect(headers[0].header['content-length']).toBe('100');
  });

  it('progress: one event per integer-percent change of Content-Length, ending at 100', async () => {
    const wx = await wxEmulator();
    const size = 500_000;
    const { progress } = await download(wx, { url: file({ size, chunk: 4096, delay: 1 }) });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.length).toBeLessThanOrEqual(101);
    for (const p of progress) {
      expect(p.totalBytesExpectedToWrite).toBe(size);
      expect(p.progress).toBe(Math.floor((p.totalBytesWritten * 100) / size));
    }
    const percents = progress.map((p) => p.progress);
    expect(new Set(percents).size).toBe(percents.length);
    expect(progress.at(-1)).toEqual({
      progress: 100,
      totalBytesWritten: size,
      totalBytesExpectedToWrite: size,
    });
  });

  it('no progress events without Content-Length (default), one per chunk with expected -1 in "bytes" mode', async () => {
    const url = file({ size: 40_000, length: 'none', chunk: 8000, delay: 2 });
    const none = await download(await wxEmulator(), { url });
    expect(none.outcome).toBe('success');
    expect(none.progress).toEqual([]);
    const bytes = await download(await wxEmulator({ progressWithoutLength: 'bytes' }), { url });
    expect(bytes.progress.length).toBeGreaterThan(1);
    expect(bytes.progress.every((p) => p.totalBytesExpectedToWrite === -1 && p.progress === 0)).toBe(true);
    expect(bytes.progress.at(-1)!.totalBytesWritten).toBe(40_000);
  });

  it('a content-encoded body: decoded bytes counted against the encoded Content-Length, uncorrected', async () => {
    const { progress, headers, outcome } = await download(await wxEmulator(), {
      url: file({ size: 200_000, gzip: 1, length: 'compressed' }),
    });
    expect(outcome).toBe('success');
    const announced = Number(headers[0].header['content-length']);
    expect(announced).not.toBe(200_000);
    expect(progress.every((p) => p.totalBytesExpectedToWrite === announced)).toBe(true);
    expect(progress.at(-1)!.totalBytesWritten).toBe(200_000);
  });

  it('offProgressUpdate(fn) removes fn; offProgressUpdate() removes all; the same for headers', async () => {
    const wx = await wxEmulator();
    const kept: unknown[] = [];
    const removed: unknown[] = [];
    const fn = (e: unknown) => removed.push(e);
    const { progress } = await download(
      wx,
      { url: file({ size: 100_000, chunk: 10_000, delay: 2 }) },
      (task) => {
        task.onProgressUpdate(fn);
        task.onProgressUpdate((e) => kept.push(e));
        task.offProgressUpdate(fn);
        task.onHeadersReceived(fn);
        task.offHeadersReceived();
      },
    );
    expect(removed).toEqual([]);
    expect(kept).toEqual(progress);
    const cleared = await download(wx, { url: file({ size: 100_000 }) }, (task) => task.offProgressUpdate());
    expect(cleared.progress).toEqual([]);
  });
});

describe('wx.downloadFile: failures', () => {
  it('abort(): fail with downloadFile:fail abort, the request stopped, no temporary file left', async () => {
    const wx = await wxEmulator();
    const id = newRequestId();
    const { outcome, result } = await download(
      wx,
      { url: file({ size: 2_000_000, chunk: 16_384, delay: 10, id }) },
      (task) => task.onProgressUpdate(() => task.abort()),
    );
    expect(outcome).toBe('fail');
    expect(result).toEqual({ errMsg: 'downloadFile:fail abort' });
    expect(await readdir(wx.tempDir)).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    const [request] = await fetchLog(testServerUrl(), id);
    expect(request!.clientAborted).toBe(true);
  });

  it('timeout: honoured (downloadFile:fail timeout, errno 5), default 60000 ms', async () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(60_000);
    const started = Date.now();
    const { result } = await download(await wxEmulator(), {
      url: file({ size: 10, wait: 3000 }),
      timeout: 300,
    });
    expect(result).toEqual({ errMsg: 'downloadFile:fail timeout', errno: 5 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('a 16th redirect fails with errno 600008', async () => {
    const { result } = await download(await wxEmulator(), {
      url: redirectUrl(testServerUrl(), { n: 16, size: 10 }),
    });
    expect(result).toEqual({ errMsg: 'downloadFile:fail too many redirects', errno: 600008 });
  });

  it('a redirect to another origin drops Authorization and Cookie for the rest of the chain', async () => {
    const id = newRequestId();
    const other = testServerUrl().replace('127.0.0.1', 'localhost');
    const { outcome } = await download(await wxEmulator(), {
      url: redirectUrl(testServerUrl(), { n: 2, to: other, size: 10, id }),
      header: { Authorization: 'Bearer secret', Cookie: 'session=1', 'X-Keep': 'yes' },
    });
    expect(outcome).toBe('success');
    const log = await fetchLog(testServerUrl(), id);
    expect(log.map((e) => [e.path, e.headers.host?.split(':')[0]])).toEqual([
      ['/redirect', '127.0.0.1'],
      ['/redirect', '127.0.0.1'],
      ['/file', 'localhost'],
    ]);
    expect(log[0]!.headers).toMatchObject({ authorization: 'Bearer secret', cookie: 'session=1' });
    expect(log[1]!.headers).toMatchObject({ authorization: 'Bearer secret', cookie: 'session=1' });
    expect(log[2]!.headers.authorization).toBeUndefined();
    expect(log[2]!.headers.cookie).toBeUndefined();
    expect(log[2]!.headers['x-keep']).toBe('yes');
  });

  for (const location of ['data:,hello', 'file:///etc/passwd', 'ftp://127.0.0.1/x']) {
    it(`a redirect to ${location.split(':')[0]}: is refused as a network failure`, async () => {
      const wx = await wxEmulator();
      const { outcome, result } = await download(wx, {
        url: redirectUrl(testServerUrl(), { location, id: newRequestId() }),
      });
      expect(outcome).toBe('fail');
      expect(result).toMatchObject({ errno: 600001 });
      expect(String(result.errMsg)).toMatch(/redirect refused: only http\(s\) locations are followed/);
      expect(await readdir(wx.tempDir)).toEqual([]);
    });
  }

  it('bad URLs fail with 600009 (invalid url) and 600005 (scheme), without a request', async () => {
    const wx = await wxEmulator();
    expect((await download(wx, { url: '' })).result).toEqual({
      errMsg: 'downloadFile:fail invalid url',
      errno: 600009,
    });
    expect((await download(wx, { url: 'ftp://127.0.0.1/x' })).result).toEqual({
      errMsg: 'downloadFile:fail url scheme is invalid',
      errno: 600005,
    });
  });

  it('a refused connection fails with errno 600001; a body cut short with 600003 and no file left', async () => {
    const wx = await wxEmulator();
    const refused = await download(wx, { url: await refusedUrl(testServerUrl()) });
    expect(refused.result.errno).toBe(600001);
    expect(refused.result.errMsg).toMatch(/^downloadFile:fail .*ECONNREFUSED/);
    const cut = await download(wx, { url: file({ size: 300_000, cutAt: 100_000 }) });
    expect(cut.result.errno).toBe(600003);
    expect(await readdir(wx.tempDir)).toEqual([]);
  });

  it('a filePath in a missing directory fails with 603303; outside USER_DATA_PATH with 603300', async () => {
    const wx = await wxEmulator();
    const missing = await download(wx, { url: file({ size: 10 }), filePath: 'wxfile://usr/nope/x.bin' });
    expect(missing.result).toMatchObject({ errno: 603303 });
    expect(missing.result.errMsg).toBe(
      'downloadFile:fail no such file or directory, open wxfile://usr/nope/x.bin',
    );
    for (const filePath of ['/etc/x', 'wxfile://usr/../../x', 'wxfile://tmp_abc']) {
      const outside = await download(wx, { url: file({ size: 10 }), filePath });
      expect(outside.result.errno, filePath).toBe(603300);
    }
  });

  it('a body larger than maxFileSize fails with 603301', async () => {
    const wx = await wxEmulator({ maxFileSize: 1000 });
    expect((await download(wx, { url: file({ size: 5000 }) })).result.errno).toBe(603301);
    expect((await download(wx, { url: file({ size: 5000, length: 'none' }) })).result.errno).toBe(603301);
    expect(await readdir(wx.tempDir)).toEqual([]);
  });

  it('an 11th download while 10 run fails at once with errno 600007; the slot frees when one ends', async () => {
    const wx = await wxEmulator();
    const running = Array.from({ length: 10 }, () => download(wx, { url: file({ size: 10, wait: 300 }) }));
    expect(wx.running).toBe(10);
    const eleventh = await download(wx, { url: file({ size: 10 }) });
    expect(eleventh.result).toEqual({ errMsg: 'downloadFile:fail exceed max task count 10', errno: 600007 });
    await Promise.all(running);
    expect(wx.running).toBe(0);
    expect((await download(wx, { url: file({ size: 10 }) })).outcome).toBe('success');
  });

  it('records what it was asked, platform options included', async () => {
    const wx = await wxEmulator();
    await download(wx, { url: file({ size: 1 }), enableHttp2: true, enableQuic: true });
    expect(wx.calls.at(-1)).toMatchObject({ enableHttp2: true, enableQuic: true });
    expect(wx.calls.at(-1)).not.toHaveProperty('success');
  });
});

describe('Range requests', () => {
  it('Range and If-Range reach the server as given; a 206 is saved as any status is', async () => {
    const wx = await wxEmulator();
    const id = newRequestId();
    const { outcome, result, headers } = await download(wx, {
      url: file({ size: 1000, seed: 9, id }),
      header: { Range: 'bytes=400-', 'If-Range': '"dl-1000-9"' },
    });
    expect(outcome).toBe('success');
    expect(result.statusCode).toBe(206);
    expect(headers[0].header['content-range']).toBe('bytes 400-999/1000');
    const [request] = await fetchLog(testServerUrl(), id);
    expect(request?.headers).toMatchObject({ range: 'bytes=400-', 'if-range': '"dl-1000-9"' });
    const saved = await readFile(wx.resolvePath(result.tempFilePath));
    expect(Buffer.compare(saved, contentBytes(9, 400, 1000))).toBe(0);
  });
});

describe('getFileSystemManager()', () => {
  it('mkdir, access, readdir, readFile, stat, saveFile, rename, unlink over platform paths', async () => {
    const wx = await wxEmulator();
    const fs = wx.getFileSystemManager();
    const usr = wx.env.USER_DATA_PATH;
    const { result } = await download(wx, { url: file({ size: 256, seed: 3 }) });
    expect((await fsCall(fs.mkdir, { dirPath: `${usr}/a/b`, recursive: true })).ok).toBe(true);
    expect((await fsCall(fs.access, { path: `${usr}/a/b` })).ok).toBe(true);
    const stat = await fsCall(fs.stat, { path: result.tempFilePath });
    expect(stat.result.stats.size).toBe(256);
    expect(stat.result.stats.isFile()).toBe(true);
    const saved = await fsCall(fs.saveFile, {
      tempFilePath: result.tempFilePath,
      filePath: `${usr}/a/b/f.bin`,
    });
    expect(saved.result).toMatchObject({ errMsg: 'saveFile:ok', savedFilePath: `${usr}/a/b/f.bin` });
    expect(await readdir(wx.tempDir)).toEqual([]);
    const read = await fsCall(fs.readFile, { filePath: `${usr}/a/b/f.bin` });
    expect(Buffer.compare(Buffer.from(read.result.data), contentBytes(3, 0, 256))).toBe(0);
    expect((await fsCall(fs.rename, { oldPath: `${usr}/a/b/f.bin`, newPath: `${usr}/a/g.bin` })).ok).toBe(
      true,
    );
    expect((await fsCall(fs.readdir, { dirPath: `${usr}/a` })).result.files.sort()).toEqual(['b', 'g.bin']);
    expect((await fsCall(fs.unlink, { filePath: `${usr}/a/g.bin` })).ok).toBe(true);
    const gone = await fsCall(fs.access, { path: `${usr}/a/g.bin` });
    expect(gone.result).toEqual({ errMsg: 'access:fail no such file or directory', errno: 1300002 });
  });

  it('readFile reads [position, position + length) when given, and refuses a range outside the file', async () => {
    const wx = await wxEmulator();
    const fs = wx.getFileSystemManager();
    const { result } = await download(wx, { url: file({ size: 1000, seed: 8 }) });
    const path = result.tempFilePath;
    const part = await fsCall(fs.readFile, { filePath: path, position: 300, length: 200 });
    expect(Buffer.compare(Buffer.from(part.result.data), contentBytes(8, 300, 500))).toBe(0);
    const rest = await fsCall(fs.readFile, { filePath: path, position: 900 });
    expect(Buffer.compare(Buffer.from(rest.result.data), contentBytes(8, 900, 1000))).toBe(0);
    const head = await fsCall(fs.readFile, { filePath: path, length: 10 });
    expect(Buffer.compare(Buffer.from(head.result.data), contentBytes(8, 0, 10))).toBe(0);
    for (const range of [
      { position: 1000 },
      { position: -1, length: 5 },
      { position: 0, length: 0 },
      { position: 990, length: 11 },
    ]) {
      const refused = await fsCall(fs.readFile, { filePath: path, ...range });
      expect(refused.result, JSON.stringify(range)).toEqual({
        errMsg: 'readFile:fail invalid argument',
        errno: 1300022,
      });
    }
  });

  it('refuses writes outside USER_DATA_PATH (permission denied, 1300013)', async () => {
    const wx = await wxEmulator();
    const fs = wx.getFileSystemManager();
    const denied = await fsCall(fs.mkdir, { dirPath: 'wxfile://tmp_dir' });
    expect(denied.result.errno).toBe(1300013);
    expect((await fsCall(fs.readdir, { dirPath: '/etc' })).result.errno).toBe(1300013);
    expect(() => wx.resolvePath('wxfile://usr/../../etc/passwd')).toThrow(/permission denied/);
  });
});

import type { DownloadJob } from '@dl/core';
import { ERRNO, headersToRecord, timeoutError } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { NativeFailure } from '../src/backend';
import { toNativeFailure } from '../src/backends/blob-util';
import { toTaskError } from '../src/driver';
import { baseName, dirName, partPathFor, toFileUrl, toPlainPath } from '../src/paths';
import { CanceledFetchError } from './emulator/blob-util-emulator';

describe('paths: file:// URLs in and out', () => {
  it('turns file:// URLs into the plain paths the library takes, decoding escapes', () => {
    expect(toPlainPath('file:///data/user/0/app/cache/a%20b.bin')).toBe('/data/user/0/app/cache/a b.bin');
    expect(toPlainPath('file://localhost/var/mobile/x')).toBe('/var/mobile/x');
    expect(toPlainPath('/already/plain')).toBe('/already/plain');
  });

  it('reports saved files as file:/// URLs that round-trip', () => {
    expect(toFileUrl('/data/user/0/app/cache/dl-1 #2.bin')).toBe(
      'file:///data/user/0/app/cache/dl-1%20%232.bin',
    );
    expect(toPlainPath(toFileUrl('/a/ü ß/c'))).toBe('/a/ü ß/c');
  });

  it('writes the part file hidden, beside the target', () => {
    const part = partPathFor('/docs/report.pdf');
    expect(dirName(part)).toBe('/docs');
    expect(baseName(part)).toMatch(/^\.report\.pdf\.[0-9a-f]{12}\.part$/);
    expect(partPathFor('/docs/report.pdf')).not.toBe(part);
  });
});

describe('header casing', () => {
  it('lower-cases names as Android (wire casing) and iOS (canonical casing) give them', () => {
    expect(headersToRecord({ 'Content-Length': '5', 'X-Dl-Custom': 'Hello', etag: '"a"' })).toEqual({
      'content-length': '5',
      'x-dl-custom': 'Hello',
      etag: '"a"',
    });
  });

  it('joins a header that arrives under two casings, as HTTP joins repeated headers', () => {
    expect(headersToRecord({ 'Set-Cookie': 'a=1', 'set-cookie': 'b=2' })).toEqual({
      'set-cookie': 'a=1, b=2',
    });
  });
});

function fakeJob(aborted?: Error): DownloadJob {
  const controller = new AbortController();
  if (aborted) controller.abort(aborted);
  return { signal: controller.signal } as unknown as DownloadJob;
}

describe('error translation', () => {
  it.each([
    ['Unexpected FileStorage response file: null', 'file-system'],
    ["Couldn't create dir: /data/x", 'file-system'],
    ['Output path is a directory: /data/x', 'file-system'],
    ['Failed to connect to /127.0.0.1:1', 'network'],
    ['Download interrupted.', 'network'],
    ['The network connection was lost.', 'network'],
  ] as const)('"%s" is a %s failure', (message, kind) => {
    const failure = toNativeFailure(new Error(message));
    expect(failure).toBeInstanceOf(NativeFailure);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toBe(message);
  });

  it('maps the kinds to the contract codes, keeping the library message as the reason', () => {
    const fs = toTaskError(
      new NativeFailure('file-system', 'Unexpected FileStorage response file: null'),
      fakeJob(),
    );
    expect(fs).toMatchObject({
      code: 'FILE_SYSTEM',
      errno: ERRNO.FILE_SYSTEM,
      errMsg: 'downloadFile:fail Unexpected FileStorage response file: null',
    });
    const net = toTaskError(toNativeFailure(new Error('Download interrupted.')), fakeJob());
    expect(net).toMatchObject({
      code: 'NETWORK',
      errno: 600000,
      errMsg: 'downloadFile:fail Download interrupted.',
    });
  });

  it('a cancelled fetch fails with the reason the task was stopped for, not the library message', () => {
    const reason = timeoutError();
    const error = toTaskError(toNativeFailure(new CanceledFetchError('canceled')), fakeJob(reason));
    expect(error).toBe(reason);
  });
});

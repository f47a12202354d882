import { headersToRecord } from '@dl/core';
import { describe, expect, it } from 'vitest';
import { readHeadersEvent, savedTempPath, successHeaders } from '../src/normalize';
import { platformTimeout } from '../src/options';

describe('headers', () => {
  it('lower-cases names, stringifies values, joins repeated and array values', () => {
    expect(
      headersToRecord({
        'Content-Length': 12,
        'X-A': 'a',
        'x-a': 'b',
        'Set-Cookie': ['c=1', 'd=2'],
        Empty: null,
      }),
    ).toEqual({ 'content-length': '12', 'x-a': 'a, b', 'set-cookie': 'c=1, d=2' });
  });

  it("reads WeChat's `header` and Alipay's `headers`, with statusCode only when given", () => {
    expect(readHeadersEvent({ header: { 'Content-Type': 'text/plain' }, statusCode: 206 })).toEqual({
      header: { 'content-type': 'text/plain' },
      statusCode: 206,
    });
    expect(readHeadersEvent({ headers: { ETag: '"x"' } })).toEqual({ header: { etag: '"x"' } });
    expect(readHeadersEvent(undefined)).toEqual({ header: {} });
  });

  it('takes success headers from Alipay results and none from WeChat ones', () => {
    expect(successHeaders({ header: { A: '1' } })).toEqual({ a: '1' });
    expect(successHeaders({ headers: { B: '2' } })).toEqual({ b: '2' });
    expect(successHeaders({ tempFilePath: 'wxfile://tmp_1' })).toBeUndefined();
  });
});

describe('saved paths', () => {
  it("uses WeChat's tempFilePath, else Alipay's apFilePath", () => {
    expect(savedTempPath({ tempFilePath: 'wxfile://tmp_a' })).toBe('wxfile://tmp_a');
    expect(savedTempPath({ apFilePath: 'https://resource/apml1.bin' })).toBe('https://resource/apml1.bin');
    expect(
      savedTempPath({ tempFilePath: 'https://resource/apml2', apFilePath: 'https://resource/apml2' }),
    ).toBe('https://resource/apml2');
    expect(savedTempPath({})).toBeUndefined();
  });
});

describe('platform options', () => {
  it("keeps the platform's default timeout, passes a deadline, and never lets the platform end sooner", () => {
    expect(platformTimeout(undefined)).toBeUndefined();
    expect(platformTimeout(1500)).toBe(1500);
    expect(platformTimeout(0)).toBe(2_147_483_647);
    expect(platformTimeout(Number.POSITIVE_INFINITY)).toBe(2_147_483_647);
  });
});

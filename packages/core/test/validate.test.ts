import type { DownloadFileOptions } from '@dl/types';
import { describe, expect, it } from 'vitest';
import { DownloadError } from '../src/errors';
import { validateOptions } from '../src/validate';

const bad = (options: unknown, base?: string) => {
  const result = validateOptions(options as DownloadFileOptions, base);
  if (!(result instanceof DownloadError)) throw new Error('expected a DownloadError');
  return { code: result.code, errMsg: result.errMsg, errno: result.errno };
};

describe('validateOptions', () => {
  it.each([
    ['missing url', {}, 'downloadFile:fail invalid url', 600009],
    ['empty url', { url: '' }, 'downloadFile:fail invalid url', 600009],
    ['non-string url', { url: 42 }, 'downloadFile:fail invalid url', 600009],
    ['malformed url', { url: 'http://' }, 'downloadFile:fail invalid url', 600009],
    ['relative url without a base', { url: '/file' }, 'downloadFile:fail invalid url', 600009],
    ['ftp scheme', { url: 'ftp://example.test/a' }, 'downloadFile:fail url scheme is invalid', 600005],
    ['file scheme', { url: 'file:///etc/passwd' }, 'downloadFile:fail url scheme is invalid', 600005],
    ['javascript scheme', { url: 'javascript:alert(1)' }, 'downloadFile:fail url scheme is invalid', 600005],
  ])('%s fails with INVALID_ARGUMENT', (_name, options, errMsg, errno) => {
    expect(bad(options)).toEqual({ code: 'INVALID_ARGUMENT', errMsg, errno });
  });

  it.each([
    ['CR/LF in a header value', { header: { 'x-a': 'ok\r\nx-evil: 1' } }, /invalid header value/],
    ['a bad header name', { header: { 'bad name': 'v' } }, /invalid header name/],
    ['negative timeout', { timeout: -1 }, /invalid timeout/],
    ['NaN timeout', { timeout: Number.NaN }, /invalid timeout/],
    ['string timeout', { timeout: '100' }, /invalid timeout/],
    ['empty filePath', { filePath: '' }, /invalid filePath/],
    ['a non-function success', { success: 'yes' }, /success must be a function/],
    ['a non-signal signal', { signal: {} }, /invalid signal/],
    [
      'an object header value',
      { header: { 'x-a': { toString: () => 'v' } } },
      /must be a string, number or boolean/,
    ],
    ['an array header value', { header: { 'x-a': ['a', 'b'] } }, /must be a string, number or boolean/],
    ['a function header value', { header: { 'x-a': () => 'v' } }, /must be a string, number or boolean/],
    ['a NUL in a header value', { header: { 'x-a': 'a\u0000b' } }, /invalid header value/],
    ['a DEL in a header value', { header: { 'x-a': 'a\u007fb' } }, /invalid header value/],
    ['a C1 control (NEL) in a header value', { header: { 'x-a': 'a\u0085b' } }, /invalid header value/],
    ['a header value beyond Latin-1', { header: { 'x-a': 'naïve 漢字' } }, /invalid header value/],
  ])('%s fails with INVALID_ARGUMENT', (_name, extra, message) => {
    const result = bad({ url: 'http://127.0.0.1/x', ...extra });
    expect(result.code).toBe('INVALID_ARGUMENT');
    expect(result.errMsg).toMatch(message);
  });

  it('refuses credentials in the url without repeating them', () => {
    const result = bad({ url: 'http://user:s3cret-token@127.0.0.1/x' });
    expect(result.code).toBe('INVALID_ARGUMENT');
    expect(result.errMsg).toMatch(/credentials in the url/);
    expect(result.errMsg).not.toMatch(/s3cret|user/);
  });

  it('never repeats a refused header value (it may be a secret)', () => {
    const result = bad({ url: 'http://127.0.0.1/x', header: { Authorization: 'Bearer s3cret\r\nX: 1' } });
    expect(result.errMsg).toBe('downloadFile:fail invalid header value for Authorization');
  });

  it('accepts an upper-case scheme and gives the normalised url', () => {
    expect(validateOptions({ url: 'HTTPS://Example.TEST:443/a b' })).toMatchObject({
      url: 'https://example.test/a%20b',
    });
  });

  it('resolves a relative url against the base and applies defaults', () => {
    expect(validateOptions({ url: '/file?a=1' }, 'http://127.0.0.1:8080/page/')).toEqual({
      url: 'http://127.0.0.1:8080/file?a=1',
      header: {},
      timeout: 60000,
      maxBytes: Number.POSITIVE_INFINITY,
      progressInterval: 0,
      progressStep: 1,
    });
  });

  it('keeps valid headers as strings (numbers and booleans stringified) and a filePath', () => {
    const header = { 'X-Num': 5, 'X-Bool': true, 'X-Latin1': 'café', 'X-Tab': 'a\tb', 'X-Skip': undefined };
    expect(
      validateOptions({
        url: 'https://a.test/',
        header: header as unknown as Record<string, string>,
        filePath: 'f',
      }),
    ).toEqual({
      url: 'https://a.test/',
      header: { 'X-Num': '5', 'X-Bool': 'true', 'X-Latin1': 'café', 'X-Tab': 'a\tb' },
      timeout: 60000,
      maxBytes: Number.POSITIVE_INFINITY,
      progressInterval: 0,
      progressStep: 1,
      filePath: 'f',
    });
  });
});

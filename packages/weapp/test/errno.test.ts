import { describe, expect, it } from 'vitest';
import { failReason, toFileManagerError, toPlatformFailure } from '../src/errno';

describe('WeChat errno table', () => {
  const cases: Array<[number, string, string, number | undefined]> = [
    [600000, 'downloadFile:fail net::ERR_FAILED', 'NETWORK', 600000],
    [600001, 'downloadFile:fail connect ECONNREFUSED 127.0.0.1:1', 'NETWORK', 600000],
    [600003, 'downloadFile:fail network interrupted', 'NETWORK', 600000],
    [600005, 'downloadFile:fail url scheme is invalid', 'INVALID_ARGUMENT', 600005],
    [600009, 'downloadFile:fail invalid url', 'INVALID_ARGUMENT', 600009],
    [600002, 'downloadFile:fail url not in domain list', 'INVALID_ARGUMENT', 600009],
    [600008, 'downloadFile:fail too many redirects', 'TOO_MANY_REDIRECTS', 600008],
    [603300, 'downloadFile:fail write file failed', 'FILE_SYSTEM', 603300],
    [603301, 'downloadFile:fail exceed max file size', 'FILE_SYSTEM', 603301],
    [603303, 'downloadFile:fail no such file or directory', 'FILE_SYSTEM', 603303],
    [5, 'downloadFile:fail timeout', 'TIMEOUT', undefined],
  ];
  for (const [errno, errMsg, code, contractErrno] of cases) {
    it(`${errno} → ${code}${contractErrno ? ` (errno ${contractErrno})` : ''}`, () => {
      const { error, busy } = toPlatformFailure({ errMsg, errno });
      expect(error).toMatchObject({ name: 'DownloadError', code });
      expect(error.errno).toBe(contractErrno);
      expect(error.errMsg).toMatch(/^downloadFile:fail \S/);
      expect(busy).toBe(false);
    });
  }

  it('600007 (too many tasks) is marked busy so the driver waits and tries again', () => {
    const { error, busy } = toPlatformFailure({
      errMsg: 'downloadFile:fail exceed max task count',
      errno: 600007,
    });
    expect(busy).toBe(true);
    expect(error.code).toBe('NETWORK');
  });

  it('keeps the platform reason without its prefix', () => {
    const { error } = toPlatformFailure({ errMsg: 'downloadFile:fail connect ECONNREFUSED', errno: 600001 });
    expect(error.errMsg).toBe('downloadFile:fail connect ECONNREFUSED');
  });

  it('an abort without errno is ABORTED; an unknown errno falls back to the reason, then NETWORK', () => {
    expect(toPlatformFailure({ errMsg: 'downloadFile:fail abort' }).error.code).toBe('ABORTED');
    expect(toPlatformFailure({ errMsg: 'downloadFile:fail request timed out', errno: 1 }).error.code).toBe(
      'TIMEOUT',
    );
    expect(toPlatformFailure({ errMsg: 'downloadFile:fail something odd', errno: 42 }).error).toMatchObject({
      code: 'NETWORK',
      errno: 600000,
    });
    expect(toPlatformFailure(undefined).error.errMsg).toBe('downloadFile:fail unknown error');
  });
});

describe('Douyin { errMsg, errNo } failures (errno as its typings spell it)', () => {
  it('errNo is read as errno: the code comes from the table, not only from the reason', () => {
    expect(
      toPlatformFailure({ errMsg: 'downloadFile:fail url not in domain list', errNo: 600002 }).error,
    ).toMatchObject({ code: 'INVALID_ARGUMENT', errno: 600009 });
    expect(
      toPlatformFailure({ errMsg: 'downloadFile:fail write failed', errNo: 603301 }).error,
    ).toMatchObject({
      code: 'FILE_SYSTEM',
      errno: 603301,
    });
    expect(toPlatformFailure({ errMsg: 'downloadFile:fail request failed', errNo: 600007 }).busy).toBe(true);
  });

  it('errno wins when a result carries both spellings', () => {
    const { error } = toPlatformFailure({ errMsg: 'downloadFile:fail odd', errno: 603300, errNo: 600002 });
    expect(error).toMatchObject({ code: 'FILE_SYSTEM', errno: 603300 });
  });

  it('a file-system manager failure with errNo 1300002 is a missing directory', () => {
    expect(toFileManagerError({ errMsg: 'saveFile:fail not found', errNo: 1300002 }).errno).toBe(603303);
  });
});

describe('Alipay { error, errorMessage } failures', () => {
  const cases: Array<[number, string, string, boolean]> = [
    [12, 'connect ECONNREFUSED 127.0.0.1:1', 'NETWORK', false],
    [13, 'timeout', 'TIMEOUT', false],
    [2, 'invalid url', 'INVALID_ARGUMENT', false],
    [2, 'url scheme is invalid', 'INVALID_ARGUMENT', false],
    [12, 'too many redirects', 'TOO_MANY_REDIRECTS', false],
    [2, 'no such file or directory, open https://usr/x/y', 'FILE_SYSTEM', false],
    [20, 'exceed max task count 10', 'NETWORK', true],
    [19, 'HTTP error', 'NETWORK', false],
  ];
  for (const [code, errorMessage, expected, busy] of cases) {
    it(`error ${code} "${errorMessage}" → ${expected}${busy ? ' (busy)' : ''}`, () => {
      const result = toPlatformFailure({ error: code, errorMessage });
      expect(result.error.code).toBe(expected);
      expect(result.busy).toBe(busy);
      expect(result.error.errMsg).toMatch(/^downloadFile:fail /);
    });
  }

  it('gives errMsg, code and errno like WeChat', () => {
    const { error } = toPlatformFailure({ error: 12, errorMessage: 'network error' });
    expect(error.toFailResult()).toEqual({
      errMsg: 'downloadFile:fail network error',
      code: 'NETWORK',
      errno: 600000,
    });
    expect(toPlatformFailure({ error: 2, errorMessage: 'url scheme is invalid' }).error.errno).toBe(600005);
    expect(toPlatformFailure({ error: 2, errorMessage: 'no such file or directory' }).error.errno).toBe(
      603303,
    );
  });
});

describe('file-system manager failures', () => {
  it('WeChat 1300002 is a missing directory (603303); anything else 603300', () => {
    expect(
      toFileManagerError({ errMsg: 'saveFile:fail no such file or directory', errno: 1300002 }),
    ).toMatchObject({
      code: 'FILE_SYSTEM',
      errno: 603303,
      errMsg: 'downloadFile:fail no such file or directory',
    });
    expect(toFileManagerError({ errMsg: 'saveFile:fail permission denied', errno: 1300013 }).errno).toBe(
      603300,
    );
    expect(toFileManagerError({ error: 2, errorMessage: 'file not exist' }).errno).toBe(603303);
  });

  it('failReason strips any API prefix', () => {
    expect(failReason({ errMsg: 'rename:fail is a directory' })).toBe('is a directory');
    expect(failReason({ errorMessage: 'plain' })).toBe('plain');
  });
});

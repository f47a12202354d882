import type { DownloadFileOptions } from '@dl/types';
import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';

interface BadCase {
  name: string;
  options: (ctx: SuiteContext, id: string) => Promise<DownloadFileOptions> | DownloadFileOptions;
  code: string;
  errMsg?: string | RegExp;
  errno?: number;
}

const CASES: BadCase[] = [
  {
    name: 'a missing url',
    options: () => ({}) as DownloadFileOptions,
    code: 'INVALID_ARGUMENT',
    errMsg: 'downloadFile:fail invalid url',
    errno: 600009,
  },
  {
    name: 'an empty url',
    options: () => ({ url: '' }),
    code: 'INVALID_ARGUMENT',
    errMsg: 'downloadFile:fail invalid url',
    errno: 600009,
  },
  {
    name: 'a non-string url',
    options: () => ({ url: 12 as unknown as string }),
    code: 'INVALID_ARGUMENT',
    errMsg: 'downloadFile:fail invalid url',
    errno: 600009,
  },
  {
    name: 'a malformed url',
    options: () => ({ url: 'http://[::1' }),
    code: 'INVALID_ARGUMENT',
    errMsg: 'downloadFile:fail invalid url',
    errno: 600009,
  },
  {
    name: 'an ftp: url',
    options: () => ({ url: 'ftp://127.0.0.1/file' }),
    code: 'INVALID_ARGUMENT',
    errMsg: 'downloadFile:fail url scheme is invalid',
    errno: 600005,
  },
  {
    name: 'a file: url',
    options: () => ({ url: 'file:///etc/hosts' }),
    code: 'INVALID_ARGUMENT',
    errMsg: 'downloadFile:fail url scheme is invalid',
    errno: 600005,
  },
  {
    name: 'a javascript: url',
    options: () => ({ url: 'javascript:void(0)' }),
    code: 'INVALID_ARGUMENT',
    errMsg: 'downloadFile:fail url scheme is invalid',
    errno: 600005,
  },
  {
    name: 'a header value with CR/LF',
    options: (ctx, id) => ({ url: ctx.file({ id }), header: { 'X-A': 'a\r\nX-Injected: 1' } }),
    code: 'INVALID_ARGUMENT',
    errMsg: /invalid header/,
    errno: 600009,
  },
  {
    name: 'a url with credentials (never repeated in the message)',
    options: (ctx, id) => ({ url: ctx.file({ id }).replace('http://', 'http://user:s3cret@') }),
    code: 'INVALID_ARGUMENT',
    errMsg:
      'downloadFile:fail invalid url: credentials in the url are not supported, send an Authorization header',
    errno: 600009,
  },
  {
    name: 'an object header value',
    options: (ctx, id) => ({
      url: ctx.file({ id }),
      header: { 'X-A': { toString: () => 'v' } } as unknown as Record<string, string>,
    }),
    code: 'INVALID_ARGUMENT',
    errMsg: 'downloadFile:fail invalid header value for X-A: must be a string, number or boolean',
    errno: 600009,
  },
  {
    name: 'a header value beyond Latin-1 (never repeated in the message)',
    options: (ctx, id) => ({ url: ctx.file({ id }), header: { 'X-A': 'tok\u4e2d' } }),
    code: 'INVALID_ARGUMENT',
    errMsg: 'downloadFile:fail invalid header value for X-A',
    errno: 600009,
  },
  {
    name: 'a negative timeout',
    options: (ctx, id) => ({ url: ctx.file({ id }), timeout: -5 }),
    code: 'INVALID_ARGUMENT',
    errMsg: /invalid timeout/,
    errno: 600009,
  },
  {
    name: 'a NaN timeout',
    options: (ctx, id) => ({ url: ctx.file({ id }), timeout: Number.NaN }),
    code: 'INVALID_ARGUMENT',
    errMsg: /invalid timeout/,
    errno: 600009,
  },
];

/** Contract §1 and the bad-input table: each fails asynchronously with its code and reaches no server. */
export function badInputClauses(ctx: SuiteContext): void {
  describe('bad input fails the task asynchronously', () => {
    for (const bad of CASES) {
      clause(
        ctx,
        `${bad.name} fails with ${bad.code}, asynchronously, and sends nothing`,
        'badInput',
        async () => {
          const id = ctx.newId();
          const before = await ctx.tempSnapshot();
          let threw: unknown;
          let recording: Awaited<ReturnType<SuiteContext['run']>> | undefined;
          try {
            recording = await ctx.run(await bad.options(ctx, id));
          } catch (error) {
            threw = error;
          }
          expect(threw, 'downloadFile must not throw').toBeUndefined();
          const fail = recording!.events.find((e) => e.type === 'fail')!.value as {
            errMsg: string;
            code: string;
            errno?: number;
          };
          expect(fail.code).toBe(bad.code);
          if (typeof bad.errMsg === 'string') expect(fail.errMsg).toBe(bad.errMsg);
          else if (bad.errMsg) expect(fail.errMsg).toMatch(bad.errMsg);
          if (bad.errno !== undefined) expect(fail.errno).toBe(bad.errno);
          expect(await ctx.log(id), 'no request reached the server').toEqual([]);
          await ctx.expectNoLeftovers(before);
        },
      );
    }

    clause(
      ctx,
      'an unwritable filePath fails with FILE_SYSTEM and leaves nothing behind',
      'filePath',
      async () => {
        const before = await ctx.tempSnapshot();
        const filePath = await ctx.target.unwritablePath();
        const { error } = await ctx.run({ url: ctx.file({ size: 5000, id: ctx.newId() }), filePath });
        expect(error!.code).toBe('FILE_SYSTEM');
        expect([603300, 603303, undefined]).toContain(error!.errno);
        await ctx.expectNoLeftovers(before);
      },
      ['filePath'],
    );
  });
}

import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';

/** What the request carries, read from the server's own log. */
export function requestClauses(ctx: SuiteContext): void {
  describe('request', () => {
    clause(
      ctx,
      'request headers reach the server',
      'header',
      async () => {
        const id = ctx.newId();
        await ctx.run({
          url: ctx.file({ size: 10, id }),
          header: { 'X-Dl-Test': 'value 1', 'X-Dl-Other': 'b' },
        });
        const get = (await ctx.log(id)).find((r) => r.method === 'GET')!;
        expect(get.headers['x-dl-test']).toBe('value 1');
        expect(get.headers['x-dl-other']).toBe('b');
      },
      ['requestHeaders'],
    );

    clause(
      ctx,
      'number and boolean header values reach the server as their text',
      'header',
      async () => {
        const id = ctx.newId();
        await ctx.run({ url: ctx.file({ size: 10, id }), header: { 'X-Dl-One': 1, 'X-Dl-True': true } });
        const get = (await ctx.log(id)).find((r) => r.method === 'GET')!;
        expect(get.headers['x-dl-one']).toBe('1');
        expect(get.headers['x-dl-true']).toBe('true');
      },
      ['requestHeaders'],
    );

    clause(ctx, 'an upper-case scheme (HTTP://) is an http URL: the file downloads', 'promise', async () => {
      const id = ctx.newId();
      const { result } = await ctx.run({
        url: ctx.file({ size: 1000, seed: 8, id }).replace(/^http:/, 'HTTP:'),
      });
      expect(result).toMatchObject({ statusCode: 200, dataLength: 1000 });
      expect((await ctx.log(id)).filter((r) => r.method === 'GET')).toHaveLength(1);
    });

    clause(
      ctx,
      'a Range request header yields the 206 slice, saved as sent',
      'header',
      async () => {
        const { result } = await ctx.run({
          url: ctx.file({ size: 100_000, seed: 61, id: ctx.newId() }),
          header: { Range: 'bytes=1000-5999' },
        });
        expect(result!.statusCode).toBe(206);
        expect(result!.header['content-range']).toBe('bytes 1000-5999/100000');
        await ctx.expectSavedBytes(result!.tempFilePath!, 5000, 61, 1000);
      },
      ['requestHeaders'],
    );
  });
}

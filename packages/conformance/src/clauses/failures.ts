import { refusedUrl } from '@dl/test-server/scenarios';
import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';

/** The error table: network, timeout and redirect failures, each with its code and no file left. */
export function failureClauses(ctx: SuiteContext): void {
  describe('failures', () => {
    clause(ctx, 'a refused connection fails with NETWORK (errno 600000)', 'failures', async () => {
      const before = await ctx.tempSnapshot();
      const { error } = await ctx.run({ url: await refusedUrl(ctx.target.serverUrl()) });
      expect(error).toMatchObject({ code: 'NETWORK', errno: 600000 });
      await ctx.expectNoLeftovers(before);
    });

    clause(ctx, 'a body cut short fails with NETWORK and leaves no partial file', 'failures', async () => {
      const id = ctx.newId();
      const before = await ctx.tempSnapshot();
      const { error, progress } = await ctx.run({ url: ctx.file({ size: 1_000_000, cutAt: 300_000, id }) });
      expect(error).toMatchObject({ code: 'NETWORK', errno: 600000 });
      expect(progress.every((p) => p.progress < 100)).toBe(true);
      await ctx.expectNoLeftovers(before);
    });

    clause(
      ctx,
      'a body that stalls past the timeout fails with TIMEOUT and the request is stopped',
      'timeout',
      async () => {
        const id = ctx.newId();
        const before = await ctx.tempSnapshot();
        const started = Date.now();
        const { error } = await ctx.run({
          url: ctx.file({ size: 100_000, stallAt: 20_000, id }),
          timeout: 400,
        });
        expect(error).toMatchObject({ code: 'TIMEOUT', errMsg: 'downloadFile:fail timeout' });
        expect(Date.now() - started).toBeGreaterThanOrEqual(380);
        expect((await ctx.waitForClientAbort(id)).clientAborted).toBe(true);
        await ctx.expectNoLeftovers(before);
      },
    );

    clause(ctx, 'a response that never starts fails with TIMEOUT', 'timeout', async () => {
      const { error, headers } = await ctx.run({
        url: ctx.file({ size: 1000, wait: 5000, id: ctx.newId() }),
        timeout: 300,
      });
      expect(error!.code).toBe('TIMEOUT');
      expect(headers).toEqual([]);
    });

    clause(
      ctx,
      // Every platform follows at least 15 (browsers 20); only the limit itself is platform-dependent.
      '15 redirects are followed',
      'redirects',
      async () => {
        const { result } = await ctx.run({
          url: ctx.redirect({ n: 15, size: 500, seed: 51, id: ctx.newId() }),
        });
        await ctx.expectSavedBytes(result!.tempFilePath!, 500, 51);
      },
      [],
    );

    clause(
      ctx,
      'a 16th redirect fails with TOO_MANY_REDIRECTS (errno 600008)',
      'redirectLimit',
      async () => {
        const { error } = await ctx.run({ url: ctx.redirect({ n: 16, size: 500, id: ctx.newId() }) });
        expect(error).toMatchObject({
          code: 'TOO_MANY_REDIRECTS',
          errno: 600008,
          errMsg: 'downloadFile:fail too many redirects',
        });
      },
      ['redirectLimit'],
    );

    clause(
      ctx,
      'a redirect loop fails with TOO_MANY_REDIRECTS',
      'redirectLimit',
      async () => {
        const before = await ctx.tempSnapshot();
        const { error } = await ctx.run({ url: ctx.redirect({ loop: 1, id: ctx.newId() }) });
        expect(error!.code).toBe('TOO_MANY_REDIRECTS');
        await ctx.expectNoLeftovers(before);
      },
      ['redirectLimit'],
    );
  });
}

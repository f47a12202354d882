import type { OnRetryCallbackResult } from '@dl/types';
import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';
import { fileRequests, savedPath } from './read-back';

/** Contract §14: retries after network failures and 408/429/5xx, announced, continuing saved bytes. */
export function retryClauses(ctx: SuiteContext): void {
  describe('retry', () => {
    clause(
      ctx,
      'a 503 is retried up to the limit, each retry announced, and the file is the answer that followed',
      'retry',
      async () => {
        const id = ctx.newId();
        const size = 30_000;
        const seed = 11;
        const retries: OnRetryCallbackResult[] = [];
        const { result, error, headers } = await ctx.run(
          { url: ctx.file({ size, seed, id, failFirst: 2 }), retry: { limit: 3, backoff: 20 } },
          (task) => task.onRetry((event) => retries.push(event)),
        );
        expect(error).toBeUndefined();
        expect(result).toMatchObject({ statusCode: 200, dataLength: size });
        expect(
          headers.map((h) => h.statusCode),
          'the headers event is the final response only',
        ).toEqual([200]);
        expect(retries.map((r) => [r.retry, r.statusCode])).toEqual([
          [1, 503],
          [2, 503],
        ]);
        expect(retries[0]!.delay).toBe(20);
        expect(retries[1]!.delay, 'the backoff doubles').toBe(40);
        expect(await fileRequests(ctx, id)).toHaveLength(3);
        await ctx.expectSavedBytes(savedPath(result), size, seed);
      },
    );

    clause(ctx, 'Retry-After of a 429 sets the delay', 'retry', async () => {
      const id = ctx.newId();
      const retries: OnRetryCallbackResult[] = [];
      const { result } = await ctx.run(
        { url: ctx.file({ size: 1000, id, failFirst: 1, failStatus: 429, retryAfter: 1 }), retry: 2 },
        (task) => task.onRetry((event) => retries.push(event)),
      );
      expect(result?.statusCode).toBe(200);
      expect(retries).toEqual([{ retry: 1, delay: 1000, statusCode: 429 }]);
      const [first, second] = await fileRequests(ctx, id);
      expect(
        second!.startedAt - first!.startedAt,
        'the server saw the retry a second later',
      ).toBeGreaterThanOrEqual(900);
    });

    clause(
      ctx,
      'when the retries run out, the last answer is the result (any status is a success)',
      ['retry', 'anyStatus'],
      async () => {
        const id = ctx.newId();
        const { result, error } = await ctx.run({
          url: ctx.file({ size: 1000, id, failFirst: 5, failStatus: 500 }),
          retry: { limit: 1, backoff: 10 },
        });
        expect(error).toBeUndefined();
        expect(result?.statusCode).toBe(500);
        expect(await fileRequests(ctx, id)).toHaveLength(2);
      },
    );

    clause(ctx, 'a 404 is not retried, nor is anything without the retry option', 'retry', async () => {
      const id = ctx.newId();
      const retries: OnRetryCallbackResult[] = [];
      const { result } = await ctx.run({ url: ctx.file({ size: 100, id, status: 404 }), retry: 3 }, (task) =>
        task.onRetry((event) => retries.push(event)),
      );
      expect(result?.statusCode).toBe(404);
      expect(retries).toEqual([]);
      expect(await fileRequests(ctx, id)).toHaveLength(1);
      const other = ctx.newId();
      const plain = await ctx.run({ url: ctx.file({ size: 100, id: other, failFirst: 1 }) });
      expect(plain.result?.statusCode).toBe(503);
      expect(await fileRequests(ctx, other)).toHaveLength(1);
    });

    clause(ctx, 'a connection cut mid-body is retried and the file is whole', 'retry', async () => {
      const id = ctx.newId();
      const size = 300_000;
      const seed = 12;
      const retries: OnRetryCallbackResult[] = [];
      const { result, error } = await ctx.run(
        {
          url: ctx.file({ size, seed, id, chunk: 16_384, cutAt: 120_000, cutFirst: 1 }),
          retry: { limit: 2, backoff: 10 },
        },
        (task) => task.onRetry((event) => retries.push(event)),
      );
      expect(error).toBeUndefined();
      expect(retries).toHaveLength(1);
      expect(retries[0]!.error?.code).toBe('NETWORK');
      expect(await fileRequests(ctx, id)).toHaveLength(2);
      await ctx.expectSavedBytes(savedPath(result), size, seed);
    });

    clause(
      ctx,
      'a retry after a cut continues from the saved bytes with Range, guarded by If-Range',
      ['retry', 'resume'],
      async () => {
        const id = ctx.newId();
        const size = 300_000;
        const seed = 13;
        // A trickle (30 ms a chunk, so the page has read each chunk before the next): a browser (Chromium's
        // fetch) drops the bytes still inside it when the connection is cut, so a body sent all at once,
        // or fast on a busy machine, may reach the page as nothing to continue.
        const { result } = await ctx.run({
          url: ctx.file({ size, seed, id, chunk: 16_384, delay: 30, cutAt: 120_000, cutFirst: 1 }),
          retry: { limit: 2, backoff: 10 },
        });
        const [, second] = await fileRequests(ctx, id);
        const from = Number(/^bytes=(\d+)-$/.exec(second!.headers.range ?? '')?.[1]);
        expect(from, 'the retry asked for the rest').toBeGreaterThan(0);
        expect(from).toBeLessThanOrEqual(120_000);
        expect(second!.headers['if-range']).toBe(`"dl-${size}-${seed}"`);
        expect(second!.bytesSent, 'only the rest was sent again').toBe(size - from);
        await ctx.expectSavedBytes(savedPath(result), size, seed);
      },
      ['resume'],
    );

    clause(
      ctx,
      'an abort is never retried',
      ['retry', 'abort'],
      async () => {
        const id = ctx.newId();
        const { error } = await ctx.run(
          { url: ctx.file({ size: 2_000_000, chunk: 16_384, delay: 20, id }), retry: 3 },
          async (task) => {
            await new Promise<void>((resolve) => task.onProgressUpdate(() => resolve()));
            task.abort();
          },
        );
        expect(error?.code).toBe('ABORTED');
        await ctx.waitForClientAbort(id);
        expect(await fileRequests(ctx, id)).toHaveLength(1);
      },
      ['abort', 'progressUpdate'],
    );

    clause(ctx, 'bad retry options are refused before any request', ['retry', 'badInput'], async () => {
      const id = ctx.newId();
      const { error } = await ctx.run({ url: ctx.file({ id }), retry: { limit: -1 } });
      expect(error?.code).toBe('INVALID_ARGUMENT');
      expect(await fileRequests(ctx, id)).toHaveLength(0);
    });
  });
}

import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';
import { sleep } from '../record';

/** Contract §8: at most `maxConcurrent` at once, the rest queued, none failed for it. */
export function concurrencyClauses(ctx: SuiteContext): void {
  describe('concurrency', () => {
    clause(ctx, 'no more than the limit run at once; the rest queue and all succeed', 'queue', async () => {
      const limit = ctx.target.adapter.capabilities.maxConcurrent;
      const total = limit + 5;
      // One id for the batch, so one log read (one connection) sees every request at once.
      const id = ctx.newId();
      const tasks = Array.from({ length: total }, (_, i) =>
        ctx.target.downloadFile({
          url: ctx.file({ size: 60_000, seed: 100 + i, chunk: 6000, delay: 30, id }),
        }),
      );
      let done = false;
      const all = Promise.all(tasks).finally(() => (done = true));
      let peak = 0;
      while (!done) {
        const entries = await ctx.log(id);
        const inFlight = entries.filter((e) => e.method === 'GET' && !e.finished && !e.clientAborted).length;
        peak = Math.max(peak, inFlight);
        await sleep(15);
      }
      const results = await all;
      expect(peak, 'downloads the server saw at once').toBeLessThanOrEqual(limit);
      expect(peak).toBeGreaterThan(1);
      for (const [i, result] of results.entries())
        await ctx.expectSavedBytes(result.tempFilePath!, 60_000, 100 + i);
    });

    clause(
      ctx,
      'aborting a queued task fails it without a request and lets the queue go on',
      ['queue', 'abort'],
      async () => {
        const limit = ctx.target.adapter.capabilities.maxConcurrent;
        const blockers = Array.from({ length: limit }, () =>
          ctx.target.downloadFile({ url: ctx.file({ size: 10_000, wait: 400, id: ctx.newId() }) }),
        );
        const queuedId = ctx.newId();
        const { error } = await ctx.run({ url: ctx.file({ size: 100, id: queuedId }) }, async (task) => {
          await sleep(100);
          task.abort();
        });
        expect(error!.code).toBe('ABORTED');
        const after = await ctx.run({ url: ctx.file({ size: 777, seed: 8, id: ctx.newId() }) });
        await ctx.expectSavedBytes(after.result!.tempFilePath!, 777, 8);
        await Promise.all(blockers);
        expect(await ctx.log(queuedId)).toEqual([]);
      },
      ['abort'],
    );
  });
}

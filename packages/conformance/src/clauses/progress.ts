import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';

/** Contract §4: progress arithmetic under every kind of body. The invariants check each event too. */
export function progressClauses(ctx: SuiteContext): void {
  describe('progress', () => {
    clause(
      ctx,
      'known size: integer percent of Content-Length, rising, one event per percent, then one 100%',
      'onProgressUpdate',
      async () => {
        const size = 1_000_000;
        const { progress } = await ctx.run({
          // ~1 s of body: enough for platforms that space their events 50 ms apart (XMLHttpRequest).
          url: ctx.file({ size, seed: 11, chunk: 10_000, delay: 10, id: ctx.newId() }),
        });
        const during = progress.slice(0, -1);
        expect(during.length).toBeGreaterThan(5);
        for (const p of during) expect(p.totalBytesExpectedToWrite).toBe(size);
        expect(during.every((p) => p.progress < 100)).toBe(true);
        const percents = during.map((p) => p.progress);
        expect(percents).toEqual([...percents].sort((a, b) => a - b));
      },
      ['progressUpdate'],
    );

    clause(
      ctx,
      'unknown size (no Content-Length): expected 0 and 0% until the final 100% event',
      'onProgressUpdate',
      async () => {
        const size = 300_000;
        const { progress, result } = await ctx.run({
          url: ctx.file({ size, seed: 12, length: 'none', chunk: 8192, delay: 4, id: ctx.newId() }),
        });
        const during = progress.slice(0, -1);
        if (ctx.target.adapter.capabilities.unknownSizeProgress) {
          expect(during.length, 'some events while the body streams').toBeGreaterThan(0);
        }
        for (const p of during) expect([p.progress, p.totalBytesExpectedToWrite]).toEqual([0, 0]);
        expect(progress.at(-1)).toEqual({
          progress: 100,
          totalBytesWritten: size,
          totalBytesExpectedToWrite: size,
        });
        await ctx.expectSavedBytes(result!.tempFilePath!, size, 12);
      },
      ['progressUpdate'],
    );

    clause(
      ctx,
      'unknown size: events come no more often than every 50 ms',
      'unknownSizeProgress',
      async () => {
        const times: number[] = [];
        const { progress } = await ctx.run(
          { url: ctx.file({ size: 200_000, length: 'none', chunk: 2000, delay: 5, id: ctx.newId() }) },
          (task) => task.onProgressUpdate(() => times.push(Date.now())),
        );
        const during = times.slice(0, progress.length - 1);
        expect(during.length).toBeGreaterThan(1);
        for (let i = 1; i < during.length; i++) {
          // Date.now() is whole milliseconds, read a moment after the emitter's own reading.
          expect(during[i]! - during[i - 1]!).toBeGreaterThanOrEqual(49);
        }
      },
      ['progressUpdate', 'unknownSizeProgress'],
    );

    for (const variant of ['streamed', 'with its compressed length'] as const) {
      clause(
        ctx,
        `a gzip-encoded body (${variant}) reports unknown size and saves the decoded bytes`,
        'onProgressUpdate',
        async () => {
          const size = 250_000;
          const { progress, result } = await ctx.run({
            url: ctx.file({
              size,
              seed: 13,
              gzip: 1,
              ...(variant === 'streamed' ? {} : { length: 'compressed' }),
              id: ctx.newId(),
            }),
          });
          for (const p of progress.slice(0, -1))
            expect([p.progress, p.totalBytesExpectedToWrite]).toEqual([0, 0]);
          expect(result!.dataLength).toBe(size);
          await ctx.expectSavedBytes(result!.tempFilePath!, size, 13);
        },
        ['progressUpdate'],
      );
    }
  });
}

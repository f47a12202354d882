import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';
import { savedPath } from './read-back';

const SLOW = { chunk: 16_384, delay: 5 } as const;

/** Contract §17: `maxBytes` fails a larger file with TOO_LARGE before it fills the disk; nothing is saved. */
export function maxBytesClauses(ctx: SuiteContext): void {
  describe('maxBytes', () => {
    clause(
      ctx,
      'a declared size above maxBytes fails with TOO_LARGE before the body is read',
      'maxBytes',
      async () => {
        const id = ctx.newId();
        const size = 3_000_000;
        const before = await ctx.tempSnapshot();
        const { error } = await ctx.run({ url: ctx.file({ ...SLOW, size, id }), maxBytes: 100_000 });
        expect(error).toMatchObject({ code: 'TOO_LARGE', errMsg: 'downloadFile:fail file too large' });
        const request = await ctx.waitForClientAbort(id);
        expect(request.bytesSent, 'the body was not downloaded').toBeLessThan(size);
        await ctx.expectNoLeftovers(before);
      },
    );

    clause(
      ctx,
      'a body of unknown size fails with TOO_LARGE once it grows past maxBytes',
      'maxBytes',
      async () => {
        const id = ctx.newId();
        const size = 3_000_000;
        const before = await ctx.tempSnapshot();
        const { error } = await ctx.run({
          url: ctx.file({ ...SLOW, size, id, length: 'none' }),
          maxBytes: 100_000,
        });
        expect(error?.code).toBe('TOO_LARGE');
        const request = await ctx.waitForClientAbort(id);
        expect(request.bytesSent, 'stopped long before the end').toBeLessThan(size / 2);
        await ctx.expectNoLeftovers(before);
      },
      ['unknownSizeProgress'],
    );

    clause(ctx, 'a file of exactly maxBytes is saved', 'maxBytes', async () => {
      const size = 70_000;
      const seed = 51;
      const { result, error } = await ctx.run({
        url: ctx.file({ size, seed, length: 'none' }),
        maxBytes: size,
      });
      expect(error).toBeUndefined();
      await ctx.expectSavedBytes(savedPath(result), size, seed);
    });

    clause(
      ctx,
      'TOO_LARGE leaves an existing filePath untouched',
      ['maxBytes', 'atomicFilePath'],
      async () => {
        const dir = await ctx.target.freshDir();
        const filePath = ctx.target.join(dir, 'kept.bin');
        const first = await ctx.run({ url: ctx.file({ size: 10_000, seed: 52 }), filePath });
        expect(first.error).toBeUndefined();
        const { error } = await ctx.run({
          url: ctx.file({ size: 500_000, seed: 53 }),
          filePath,
          maxBytes: 100_000,
        });
        expect(error?.code).toBe('TOO_LARGE');
        await ctx.expectSavedBytes(filePath, 10_000, 52);
        expect(await ctx.target.list(dir)).toEqual(['kept.bin']);
      },
      ['filePath', 'atomicFilePath'],
    );

    clause(ctx, 'a negative maxBytes is refused', ['maxBytes', 'badInput'], async () => {
      const { error } = await ctx.run({ url: ctx.file({}), maxBytes: -1 });
      expect(error?.code).toBe('INVALID_ARGUMENT');
    });
  });
}

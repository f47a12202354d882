import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';
import { fileRequests, integrityOf, savedPath } from './read-back';

/** Contract §16: `integrity` (SRI) is checked before the file is committed; a mismatch saves nothing. */
export function integrityClauses(ctx: SuiteContext): void {
  describe('integrity', () => {
    clause(
      ctx,
      'a file whose sha256 matches is saved',
      'integrity',
      async () => {
        const size = 200_000;
        const seed = 41;
        const { result, error } = await ctx.run({
          url: ctx.file({ size, seed }),
          integrity: await integrityOf('sha256', size, seed),
        });
        expect(error).toBeUndefined();
        await ctx.expectSavedBytes(savedPath(result), size, seed);
      },
      ['integrity'],
    );

    clause(
      ctx,
      'the strongest algorithm given counts, and any of its values matches',
      'integrity',
      async () => {
        const size = 50_000;
        const seed = 42;
        const wrong512 = await integrityOf('sha512', size, seed + 1);
        const right512 = await integrityOf('sha512', size, seed);
        const wrong256 = await integrityOf('sha256', size, seed + 1);
        const { result, error } = await ctx.run({
          url: ctx.file({ size, seed }),
          integrity: `${wrong256} ${wrong512} ${right512}`,
        });
        expect(error).toBeUndefined();
        expect(result?.dataLength).toBe(size);
        const sha384 = await ctx.run({
          url: ctx.file({ size, seed }),
          integrity: await integrityOf('sha384', size, seed),
        });
        expect(sha384.error).toBeUndefined();
      },
      ['integrity'],
    );

    clause(
      ctx,
      'a mismatch fails with INTEGRITY and leaves no file',
      'integrity',
      async () => {
        const before = await ctx.tempSnapshot();
        const size = 100_000;
        const { error } = await ctx.run({
          url: ctx.file({ size, seed: 43 }),
          integrity: await integrityOf('sha256', size, 44),
        });
        expect(error).toMatchObject({ code: 'INTEGRITY', errMsg: 'downloadFile:fail integrity mismatch' });
        await ctx.expectNoLeftovers(before);
      },
      ['integrity'],
    );

    clause(
      ctx,
      'a mismatch leaves an existing filePath untouched',
      ['integrity', 'atomicFilePath'],
      async () => {
        const dir = await ctx.target.freshDir();
        const filePath = ctx.target.join(dir, 'kept.bin');
        const size = 20_000;
        const first = await ctx.run({ url: ctx.file({ size, seed: 45 }), filePath });
        expect(first.error).toBeUndefined();
        const { error } = await ctx.run({
          url: ctx.file({ size: 30_000, seed: 46 }),
          filePath,
          integrity: await integrityOf('sha256', 30_000, 47),
        });
        expect(error?.code).toBe('INTEGRITY');
        await ctx.expectSavedBytes(filePath, size, 45);
        expect(await ctx.target.list(dir), 'no part file beside it').toEqual(['kept.bin']);
      },
      ['integrity', 'filePath', 'atomicFilePath'],
    );

    clause(
      ctx,
      'a malformed integrity value is refused before any request',
      ['integrity', 'badInput'],
      async () => {
        const id = ctx.newId();
        const { error } = await ctx.run({ url: ctx.file({ id }), integrity: 'md5-abc' });
        expect(error?.code).toBe('INVALID_ARGUMENT');
        expect(await fileRequests(ctx, id)).toHaveLength(0);
      },
    );
  });
}

import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';

/** Contract §9 and the `filePath` option: saved under the caller's name, atomically. */
export function filePathClauses(ctx: SuiteContext): void {
  describe('filePath', () => {
    clause(
      ctx,
      'filePath saves the bytes there, reports it, and leaves nothing else in the directory',
      'filePath',
      async () => {
        const dir = await ctx.target.freshDir();
        const filePath = ctx.target.join(dir, 'saved.bin');
        const { result } = await ctx.run({
          url: ctx.file({ size: 70_000, seed: 41, id: ctx.newId() }),
          filePath,
        });
        expect(result!.filePath).toBe(filePath);
        expect(result!.tempFilePath).toBeUndefined();
        expect(result!.dataLength).toBe(70_000);
        await ctx.expectSavedBytes(filePath, 70_000, 41);
        expect(await ctx.target.list(dir)).toEqual(['saved.bin']);
      },
      ['filePath'],
    );

    clause(
      ctx,
      'a second download to the same filePath replaces the first',
      'filePath',
      async () => {
        const dir = await ctx.target.freshDir();
        const filePath = ctx.target.join(dir, 'twice.bin');
        await ctx.run({ url: ctx.file({ size: 9000, seed: 42, id: ctx.newId() }), filePath });
        await ctx.run({ url: ctx.file({ size: 3000, seed: 43, id: ctx.newId() }), filePath });
        await ctx.expectSavedBytes(filePath, 3000, 43);
        expect(await ctx.target.list(dir)).toEqual(['twice.bin']);
      },
      ['filePath'],
    );

    clause(
      ctx,
      'a body cut short never leaves a half file under filePath',
      'atomicFilePath',
      async () => {
        const dir = await ctx.target.freshDir();
        const filePath = ctx.target.join(dir, 'cut.bin');
        const { error } = await ctx.run({
          url: ctx.file({ size: 500_000, cutAt: 200_000, id: ctx.newId() }),
          filePath,
        });
        expect(error!.code).toBe('NETWORK');
        expect(await ctx.target.list(dir)).toEqual([]);
      },
      ['filePath', 'atomicFilePath'],
    );

    clause(
      ctx,
      'a failed download keeps the file that was already under filePath',
      'atomicFilePath',
      async () => {
        const dir = await ctx.target.freshDir();
        const filePath = ctx.target.join(dir, 'kept.bin');
        await ctx.run({ url: ctx.file({ size: 4000, seed: 44, id: ctx.newId() }), filePath });
        const { error } = await ctx.run({
          url: ctx.file({ size: 500_000, cutAt: 100_000, id: ctx.newId() }),
          filePath,
        });
        expect(error!.code).toBe('NETWORK');
        await ctx.expectSavedBytes(filePath, 4000, 44);
        expect(await ctx.target.list(dir)).toEqual(['kept.bin']);
      },
      ['filePath', 'atomicFilePath'],
    );
  });
}

import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';

/** Entry point and the success result: what a plain download gives back, verified on disk and server. */
export function resultClauses(ctx: SuiteContext): void {
  describe('entry point and results', () => {
    clause(ctx, 'the adapter exports downloadFile and a capability manifest', 'promise', async () => {
      expect(typeof ctx.target.downloadFile).toBe('function');
      expect(['h5', 'weapp', 'rn', 'node']).toContain(ctx.target.adapter.name);
      const caps = ctx.target.adapter.capabilities;
      expect(caps.maxConcurrent).toBeGreaterThan(0);
      expect(caps.maxRedirects).toBeGreaterThan(0);
      // Every capability the adapter declines comes with its reason, shown where a clause is skipped.
      const declined = Object.keys(caps).filter((cap) => caps[cap as keyof typeof caps] === false);
      const reasons = ctx.target.adapter.reasons ?? {};
      expect(declined.filter((cap) => !reasons[cap as keyof typeof reasons])).toEqual([]);
    });

    clause(ctx, 'a download saves exactly the bytes the server sent', 'promise', async () => {
      const id = ctx.newId();
      const { result } = await ctx.run({ url: ctx.file({ size: 100_000, seed: 3, id }) });
      expect(result).toMatchObject({ errMsg: 'downloadFile:ok', statusCode: 200, dataLength: 100_000 });
      expect(typeof result!.tempFilePath).toBe('string');
      expect(result!.filePath).toBeUndefined();
      await ctx.expectSavedBytes(result!.tempFilePath!, 100_000, 3);
      const requests = await ctx.log(id);
      expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /file']);
    });

    clause(
      ctx,
      'the result carries the final response headers with lower-case names',
      'promise',
      async () => {
        const { result } = await ctx.run({
          url: ctx.file({
            size: 321,
            seed: 4,
            type: 'text/plain',
            hdr: ['X-Dl-Custom:Hello'],
            id: ctx.newId(),
          }),
        });
        const header = result!.header;
        for (const name of Object.keys(header)) expect(name).toBe(name.toLowerCase());
        expect(header['content-type']).toMatch(/^text\/plain/);
        expect(header['x-dl-custom']).toBe('Hello');
        expect(header['content-length']).toBe('321');
      },
    );

    clause(ctx, 'every download gets its own tempFilePath', 'promise', async () => {
      const [a, b] = await Promise.all([
        ctx.run({ url: ctx.file({ size: 2000, seed: 5, id: ctx.newId() }) }),
        ctx.run({ url: ctx.file({ size: 3000, seed: 6, id: ctx.newId() }) }),
      ]);
      expect(a!.result!.tempFilePath).not.toBe(b!.result!.tempFilePath);
      await ctx.expectSavedBytes(a!.result!.tempFilePath!, 2000, 5);
      await ctx.expectSavedBytes(b!.result!.tempFilePath!, 3000, 6);
    });

    clause(
      ctx,
      'an empty body saves an empty file and ends with a 100% event of 0 bytes',
      'promise',
      async () => {
        const { result, progress } = await ctx.run({ url: ctx.file({ size: 0, id: ctx.newId() }) });
        expect(result!.dataLength).toBe(0);
        expect(progress.at(-1)).toEqual({
          progress: 100,
          totalBytesWritten: 0,
          totalBytesExpectedToWrite: 0,
        });
        await ctx.expectSavedBytes(result!.tempFilePath!, 0, 1);
      },
    );

    clause(ctx, 'a 24 MB body is saved byte for byte', 'promise', async () => {
      const size = 24 * 1024 * 1024;
      const { result, progress } = await ctx.run({ url: ctx.file({ size, seed: 9, id: ctx.newId() }) });
      expect(result!.dataLength).toBe(size);
      expect(progress.length).toBeLessThanOrEqual(101);
      await ctx.expectSavedBytes(result!.tempFilePath!, size, 9);
    });
  });
}

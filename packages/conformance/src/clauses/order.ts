import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';
import { sleep } from '../record';

/** Contract §1–§2: listeners attached after the call see everything, in the contract's order. */
export function orderClauses(ctx: SuiteContext): void {
  describe('event order', () => {
    clause(
      ctx,
      'listeners attached right after the call see the headers, progress and the final event',
      ['onHeadersReceived', 'onProgressUpdate'],
      async () => {
        // About 250 ms of body: slow enough for several events where the platform reports progress at
        // most every 50 ms (XMLHttpRequest does, by its standard).
        const { events, headers, progress } = await ctx.run({
          url: ctx.file({ size: 200_000, seed: 2, chunk: 16_384, delay: 20, id: ctx.newId() }),
        });
        expect(headers).toHaveLength(1);
        expect(headers[0]!.statusCode).toBe(200);
        expect(headers[0]!.header['content-length']).toBe('200000');
        expect(progress.length, 'progress events during a slow body').toBeGreaterThan(2);
        expect(events.map((e) => e.type).slice(-4)).toEqual(['progress', 'success', 'complete', 'resolve']);
      },
      ['headersReceived', 'progressUpdate'],
    );

    clause(
      ctx,
      'the headers event fires once, for the final response after redirects',
      ['onHeadersReceived', 'redirects'],
      async () => {
        const id = ctx.newId();
        const { headers, result } = await ctx.run({
          url: ctx.redirect({ n: 3, code: 302, size: 4321, seed: 7, id }),
        });
        expect(headers).toHaveLength(1);
        expect(headers[0]!.statusCode).toBe(200);
        expect(headers[0]!.header['content-length']).toBe('4321');
        expect(result!.statusCode).toBe(200);
        await ctx.expectSavedBytes(result!.tempFilePath!, 4321, 7);
        const paths = (await ctx.log(id)).filter((r) => r.method === 'GET').map((r) => r.path);
        expect(paths).toEqual(['/redirect', '/redirect', '/redirect', '/file']);
      },
      ['headersReceived'],
    );

    for (const code of [301, 302, 303, 307, 308]) {
      clause(ctx, `a ${code} redirect is followed to the file`, 'redirects', async () => {
        const { result } = await ctx.run({
          url: ctx.redirect({ n: 1, code, size: 999, seed: code, id: ctx.newId() }),
        });
        expect(result!.statusCode).toBe(200);
        await ctx.expectSavedBytes(result!.tempFilePath!, 999, code);
      });
    }

    clause(
      ctx,
      'nothing fires after the task settled, even for listeners added later',
      ['onProgressUpdate', 'onHeadersReceived', 'abort'],
      async () => {
        const { task, events } = await ctx.run({ url: ctx.file({ size: 10_000, id: ctx.newId() }) });
        const count = events.length;
        const late: unknown[] = [];
        task.onProgressUpdate((e) => late.push(e));
        task.onHeadersReceived((e) => late.push(e));
        task.abort();
        await sleep(100);
        expect(events.length).toBe(count);
        expect(late).toEqual([]);
      },
    );
  });
}

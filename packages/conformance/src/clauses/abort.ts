import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';
import { sleep } from '../record';

const SLOW = { size: 4_000_000, chunk: 16_384, delay: 20 } as const;

/** Contract §5: abort() stops the request, fails once with ABORTED, and leaves no file. */
export function abortClauses(ctx: SuiteContext): void {
  describe('abort', () => {
    clause(
      ctx,
      'abort() mid-body stops the request, fails with abort, and leaves no partial file',
      'abort',
      async () => {
        const id = ctx.newId();
        const before = await ctx.tempSnapshot();
        let abortedAt = -1;
        const { events, error } = await ctx.run(
          { url: ctx.file({ ...SLOW, id }) },
          async (task, timeline) => {
            await new Promise<void>((resolve) => task.onProgressUpdate(() => resolve()));
            abortedAt = timeline.length;
            task.abort();
          },
        );
        const fail = events.find((e) => e.type === 'fail')!.value;
        expect(fail).toMatchObject({ errMsg: 'downloadFile:fail abort', code: 'ABORTED' });
        expect(error).toMatchObject({ code: 'ABORTED', errMsg: 'downloadFile:fail abort' });
        expect(
          events.slice(abortedAt).filter((e) => e.type === 'progress'),
          'no progress after abort()',
        ).toEqual([]);
        const request = await ctx.waitForClientAbort(id);
        expect(request.clientAborted, 'the server saw the client hang up').toBe(true);
        expect(request.bytesSent).toBeLessThan(SLOW.size);
        await ctx.expectNoLeftovers(before);
      },
      ['abort', 'progressUpdate'],
    );

    clause(
      ctx,
      'abort() in the final 100% progress listener is a no-op: the file is committed, the task succeeds',
      'abort',
      async () => {
        const id = ctx.newId();
        const size = 50_000;
        const seed = 5;
        const { result, error } = await ctx.run({ url: ctx.file({ size, seed, id }) }, (task) => {
          task.onProgressUpdate(({ progress }) => {
            if (progress === 100) task.abort();
          });
        });
        expect(error, 'the task did not fail').toBeUndefined();
        expect(result).toMatchObject({ statusCode: 200, dataLength: size });
        await ctx.expectSavedBytes((result!.filePath ?? result!.tempFilePath)!, size, seed);
      },
      ['abort', 'progressUpdate'],
    );

    clause(
      ctx,
      'abort() before the response arrives fails with abort',
      'abort',
      async () => {
        const id = ctx.newId();
        const before = await ctx.tempSnapshot();
        const { error, headers } = await ctx.run(
          { url: ctx.file({ size: 1000, wait: 3000, id }) },
          async (task) => {
            await sleep(150);
            task.abort();
          },
        );
        expect(error!.code).toBe('ABORTED');
        expect(headers).toEqual([]);
        expect((await ctx.waitForClientAbort(id)).clientAborted).toBe(true);
        await ctx.expectNoLeftovers(before);
      },
      ['abort'],
    );

    clause(
      ctx,
      'abort() right after the call fails with abort and sends no request',
      'abort',
      async () => {
        const id = ctx.newId();
        const { error, events } = await ctx.run({ url: ctx.file({ size: 1000, id }) }, (task) =>
          task.abort(),
        );
        expect(error!.code).toBe('ABORTED');
        expect(events.filter((e) => e.type === 'headers' || e.type === 'progress')).toEqual([]);
        await sleep(100);
        expect(await ctx.log(id)).toEqual([]);
      },
      ['abort'],
    );

    clause(
      ctx,
      'abort() twice fails once',
      'abort',
      async () => {
        const { events } = await ctx.run({ url: ctx.file({ ...SLOW, id: ctx.newId() }) }, async (task) => {
          await sleep(50);
          task.abort();
          task.abort();
        });
        expect(events.filter((e) => e.type === 'fail')).toHaveLength(1);
      },
      ['abort'],
    );

    clause(
      ctx,
      'abort() after success is a no-op and keeps the file',
      'abort',
      async () => {
        const { task, events, result } = await ctx.run({
          url: ctx.file({ size: 5000, seed: 21, id: ctx.newId() }),
        });
        const count = events.length;
        task.abort();
        await sleep(100);
        expect(events.length).toBe(count);
        await expect(task).resolves.toEqual(result);
        await ctx.expectSavedBytes(result!.tempFilePath!, 5000, 21);
      },
      ['abort'],
    );

    clause(
      ctx,
      'abort() with a filePath leaves nothing in the target directory',
      'filePath',
      async () => {
        const dir = await ctx.target.freshDir();
        const filePath = ctx.target.join(dir, 'aborted.bin');
        const { error } = await ctx.run(
          { url: ctx.file({ ...SLOW, id: ctx.newId() }), filePath },
          async (task) => {
            await new Promise<void>((resolve) => task.onProgressUpdate(() => resolve()));
            task.abort();
          },
        );
        expect(error!.code).toBe('ABORTED');
        expect(await ctx.target.list(dir)).toEqual([]);
      },
      ['abort', 'filePath', 'progressUpdate'],
    );

    clause(
      ctx,
      'the signal option aborts the task like abort()',
      'signal',
      async () => {
        const id = ctx.newId();
        const controller = new AbortController();
        const before = await ctx.tempSnapshot();
        const { error } = await ctx.run(
          { url: ctx.file({ ...SLOW, id }), signal: controller.signal },
          async (task) => {
            await new Promise<void>((resolve) => task.onProgressUpdate(() => resolve()));
            controller.abort();
          },
        );
        expect(error).toMatchObject({ code: 'ABORTED', errMsg: 'downloadFile:fail abort' });
        expect((await ctx.waitForClientAbort(id)).clientAborted).toBe(true);
        await ctx.expectNoLeftovers(before);
      },
      ['abortSignal', 'progressUpdate'],
    );

    clause(
      ctx,
      'an already-aborted signal fails the task without a request',
      'signal',
      async () => {
        const id = ctx.newId();
        const { error } = await ctx.run({ url: ctx.file({ id }), signal: AbortSignal.abort() });
        expect(error!.code).toBe('ABORTED');
        await sleep(50);
        expect(await ctx.log(id)).toEqual([]);
      },
      ['abortSignal'],
    );
  });
}

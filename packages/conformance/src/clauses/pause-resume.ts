import type { DownloadTaskPromise, ResumeData } from '@dl/types';
import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';
import { sleep } from '../record';
import { fileRequests, savedPath } from './read-back';

const SLOW = { size: 1_500_000, chunk: 16_384, delay: 10 } as const;

/** Resolves at the first progress event at or past `percent`. */
const reached = (task: DownloadTaskPromise, percent: number) =>
  new Promise<void>((resolve) =>
    task.onProgressUpdate((event) => {
      if (event.progress >= percent) resolve();
    }),
  );

/** Pauses once the body is under way, checks the task holds no request while paused, then resumes. */
async function pauseThenResume(ctx: SuiteContext, task: DownloadTaskPromise, id: string): Promise<void> {
  await reached(task, 10);
  task.pause();
  await ctx.waitForClientAbort(id);
  let settled = false;
  task.then(
    () => (settled = true),
    () => (settled = true),
  );
  await sleep(250);
  expect(settled, 'a paused task stays pending').toBe(false);
  expect(await fileRequests(ctx, id), 'no request while paused').toHaveLength(1);
  task.resume();
}

/** Contract §15: pause() keeps the saved bytes and frees the connection; resume() continues them. */
export function pauseResumeClauses(ctx: SuiteContext): void {
  describe('pause and resume', () => {
    clause(
      ctx,
      'pause() stops the request and the task stays pending; resume() completes the same file',
      'pause',
      async () => {
        const id = ctx.newId();
        const seed = 21;
        const { result, error, headers } = await ctx.run({ url: ctx.file({ ...SLOW, seed, id }) }, (task) =>
          pauseThenResume(ctx, task, id),
        );
        expect(error).toBeUndefined();
        expect(result).toMatchObject({ statusCode: 200, dataLength: SLOW.size });
        expect(headers, 'one headers event').toHaveLength(1);
        expect(await fileRequests(ctx, id)).toHaveLength(2);
        await ctx.expectSavedBytes(savedPath(result), SLOW.size, seed);
      },
      ['progressUpdate'],
    );

    clause(
      ctx,
      'resume() continues from the saved bytes with Range, guarded by If-Range',
      'resume',
      async () => {
        const id = ctx.newId();
        const seed = 22;
        const { result } = await ctx.run({ url: ctx.file({ ...SLOW, seed, id }) }, (task) =>
          pauseThenResume(ctx, task, id),
        );
        const [first, second] = await fileRequests(ctx, id);
        const from = Number(/^bytes=(\d+)-$/.exec(second!.headers.range ?? '')?.[1]);
        expect(from, 'the resumed request asked for the rest').toBeGreaterThan(0);
        expect(from).toBeLessThanOrEqual(first!.bytesSent);
        expect(second!.headers['if-range']).toBe(`"dl-${SLOW.size}-${seed}"`);
        expect(second!.bytesSent, 'only the rest was sent again').toBe(SLOW.size - from);
        await ctx.expectSavedBytes(savedPath(result), SLOW.size, seed);
      },
      ['progressUpdate', 'resume'],
    );

    clause(
      ctx,
      'a resource that changed while paused is downloaded whole again, never glued to the old bytes',
      'pause',
      async () => {
        const id = ctx.newId();
        const seed = 23;
        const { result } = await ctx.run({ url: ctx.file({ ...SLOW, seed, id, changeAfter: 1 }) }, (task) =>
          pauseThenResume(ctx, task, id),
        );
        expect(result?.dataLength).toBe(SLOW.size);
        await ctx.expectSavedBytes(savedPath(result), SLOW.size, seed + 1);
      },
      ['progressUpdate'],
    );

    clause(
      ctx,
      'a server that ignores Range sends the whole file again, and the file is whole',
      'pause',
      async () => {
        const id = ctx.newId();
        const seed = 24;
        const { result } = await ctx.run({ url: ctx.file({ ...SLOW, seed, id, ranges: 'none' }) }, (task) =>
          pauseThenResume(ctx, task, id),
        );
        await ctx.expectSavedBytes(savedPath(result), SLOW.size, seed);
      },
      ['progressUpdate'],
    );

    clause(
      ctx,
      'abort() while paused fails with ABORTED and leaves nothing behind',
      ['pause', 'abort'],
      async () => {
        const id = ctx.newId();
        const before = await ctx.tempSnapshot();
        const { error } = await ctx.run({ url: ctx.file({ ...SLOW, id }) }, async (task) => {
          await reached(task, 5);
          task.pause();
          await ctx.waitForClientAbort(id);
          task.abort();
        });
        expect(error?.code).toBe('ABORTED');
        await ctx.expectNoLeftovers(before);
      },
      ['progressUpdate', 'abort'],
    );

    clause(
      ctx,
      'a paused task frees its place in the queue',
      ['pause', 'queue'],
      async () => {
        const limit = ctx.target.adapter.capabilities.maxConcurrent;
        const id = ctx.newId();
        // Slow enough that none of them ends during the test; read through the tasks' own events, not the
        // server's log, which a browser may queue behind these downloads (Firefox: 6 connections per host).
        const slow = { size: 3_000_000, chunk: 16_384, delay: 20 };
        const running = Array.from({ length: limit }, (_, i) =>
          ctx.target.downloadFile({ url: ctx.file({ ...slow, seed: 30 + i, id }) }),
        );
        let othersSettled = 0;
        for (const task of running.slice(1))
          task.then(
            () => othersSettled++,
            () => othersSettled++,
          );
        await reached(running[0]!, 1);
        // On another host name for the same server: a browser's own per-host connection limit (6) must not
        // hold it back behind the running downloads, only dl's queue may.
        const otherHost = ctx
          .file({ size: 1000, seed: 29, id: `${id}-next` })
          .replace('127.0.0.1', 'localhost');
        const waiting = ctx.target.downloadFile({ url: otherHost });
        let started = false;
        waiting.onHeadersReceived(() => {
          started = true;
        });
        await sleep(200);
        expect(started, 'queued behind the full queue').toBe(false);
        running[0]!.pause();
        const result = await waiting;
        expect(result.statusCode).toBe(200);
        expect(othersSettled, 'it ran while the others still held their places').toBe(0);
        for (const task of running) task.abort();
        await Promise.allSettled(running);
      },
      ['progressUpdate', 'abort'],
    );

    clause(
      ctx,
      'resumeData() lets a later task continue the saved bytes, as after an app restart',
      'persistentResume',
      async () => {
        const id = ctx.newId();
        const seed = 25;
        const url = ctx.file({ ...SLOW, seed, id });
        const first = ctx.target.downloadFile({ url });
        first.catch(() => {});
        await reached(first, 10);
        first.pause();
        await ctx.waitForClientAbort(id);
        // What an app would write to storage and read back in its next run.
        const stored = JSON.parse(JSON.stringify(first.resumeData())) as ResumeData;
        expect(stored.bytes).toBeGreaterThan(0);
        const { result, error } = await ctx.run({ url, resumeData: stored });
        expect(error).toBeUndefined();
        const [, second] = await fileRequests(ctx, id);
        expect(second!.headers.range, 'the later task asked for the rest').toMatch(/^bytes=[1-9]\d*-$/);
        await ctx.expectSavedBytes(savedPath(result), SLOW.size, seed);
      },
      ['progressUpdate', 'resume', 'persistentResume'],
    );

    clause(
      ctx,
      'resumeData for another url is refused before any request',
      ['persistentResume', 'badInput'],
      async () => {
        const id = ctx.newId();
        const resumeData: ResumeData = {
          adapter: ctx.target.adapter.name,
          url: ctx.file({ size: 5 }),
          partial: 'x',
          bytes: 1,
        };
        const { error } = await ctx.run({ url: ctx.file({ size: 10, id }), resumeData });
        expect(error?.code).toBe('INVALID_ARGUMENT');
        expect(await fileRequests(ctx, id)).toHaveLength(0);
      },
    );
  });
}

import type { OnHeadersReceivedCallbackResult, OnProgressUpdateCallbackResult } from '@dl/types';
import { describe, expect, vi } from 'vitest';
import { clause, type SuiteContext } from '../context';
import { record } from '../record';

const SLOW = { size: 400_000, chunk: 8192, delay: 3 } as const;

/** Replaces the platform's error reporter for one test and returns what reached it. */
function captureReportedErrors(): { errors: unknown[]; restore(): void } {
  const errors: unknown[] = [];
  const host = globalThis as { reportError?: (e: unknown) => void };
  const original = host.reportError;
  host.reportError = (e) => errors.push(e);
  const consoleSpy = vi.spyOn(console, 'error').mockImplementation((e: unknown) => {
    errors.push(e);
  });
  return {
    errors,
    restore() {
      if (original) host.reportError = original;
      else delete host.reportError;
      consoleSpy.mockRestore();
    },
  };
}

/** Contract §6: on/off semantics and isolation from throwing listeners. */
export function listenerClauses(ctx: SuiteContext): void {
  describe('listeners', () => {
    clause(
      ctx,
      'adding the same listener twice keeps one',
      ['onProgressUpdate', 'onHeadersReceived'],
      async () => {
        const calls: OnProgressUpdateCallbackResult[] = [];
        const headerCalls: OnHeadersReceivedCallbackResult[] = [];
        const onProgress = (e: OnProgressUpdateCallbackResult) => calls.push(e);
        const onHeaders = (e: OnHeadersReceivedCallbackResult) => headerCalls.push(e);
        const { progress } = await ctx.run({ url: ctx.file({ ...SLOW, id: ctx.newId() }) }, (task) => {
          task.onProgressUpdate(onProgress);
          task.onProgressUpdate(onProgress);
          task.onHeadersReceived(onHeaders);
          task.onHeadersReceived(onHeaders);
        });
        expect(calls).toEqual(progress);
        expect(headerCalls).toHaveLength(1);
      },
      ['progressUpdate', 'headersReceived'],
    );

    clause(
      ctx,
      'offProgressUpdate(fn) removes that listener only; offProgressUpdate() removes all',
      'offProgressUpdate',
      async () => {
        const removed: unknown[] = [];
        const kept: unknown[] = [];
        const clearedA: unknown[] = [];
        const clearedB: unknown[] = [];
        const fnRemoved = (e: unknown) => removed.push(e);
        const fnKept = (e: unknown) => kept.push(e);
        const { progress } = await ctx.run({ url: ctx.file({ ...SLOW, id: ctx.newId() }) }, (task) => {
          task.onProgressUpdate(fnRemoved);
          task.onProgressUpdate(fnKept);
          task.offProgressUpdate(fnRemoved);
        });
        expect(removed).toEqual([]);
        expect(kept).toEqual(progress);

        // A second task, where off() with no argument removes every progress listener, the suite's too
        // (so the timeline check, which needs those events, does not apply to it).
        const cleared = await record(ctx.target, { url: ctx.file({ ...SLOW, id: ctx.newId() }) }, (task) => {
          task.onProgressUpdate((e) => clearedA.push(e));
          task.onProgressUpdate((e) => clearedB.push(e));
          task.offProgressUpdate();
        });
        expect(clearedA).toEqual([]);
        expect(clearedB).toEqual([]);
        expect(cleared.progress).toEqual([]);
        expect(cleared.result!.dataLength).toBe(SLOW.size);
      },
      ['progressUpdate'],
    );

    clause(
      ctx,
      'offHeadersReceived(fn) removes that listener only; offHeadersReceived() removes all',
      'offHeadersReceived',
      async () => {
        const removed: unknown[] = [];
        const kept: unknown[] = [];
        await ctx.run({ url: ctx.file({ size: 1000, id: ctx.newId() }) }, (task) => {
          const fn = (e: unknown) => removed.push(e);
          task.onHeadersReceived(fn);
          task.onHeadersReceived((e) => kept.push(e));
          task.offHeadersReceived(fn);
        });
        expect(removed).toEqual([]);
        expect(kept).toHaveLength(1);

        // off() with no argument removes the suite's own listener too: record without the timeline check.
        const all = await record(ctx.target, { url: ctx.file({ size: 1000, id: ctx.newId() }) }, (task) => {
          task.onHeadersReceived((e) => removed.push(e));
          task.offHeadersReceived();
        });
        expect(all.headers).toEqual([]);
        expect(all.result!.dataLength).toBe(1000);
        expect(removed).toEqual([]);
      },
      ['headersReceived'],
    );

    clause(
      ctx,
      'a listener removed during an emission still gets that event, and no later one',
      'offProgressUpdate',
      async () => {
        const second: OnProgressUpdateCallbackResult[] = [];
        const onSecond = (e: OnProgressUpdateCallbackResult) => second.push(e);
        let removing: (() => void) | undefined;
        const { progress } = await ctx.run({ url: ctx.file({ ...SLOW, id: ctx.newId() }) }, (task) => {
          removing = () => task.offProgressUpdate(onSecond);
          task.onProgressUpdate(() => removing?.());
          task.onProgressUpdate(onSecond);
        });
        expect(progress.length).toBeGreaterThan(1);
        expect(second).toEqual([progress[0]]);
      },
      ['progressUpdate'],
    );

    clause(
      ctx,
      "Taro's progress() and headersReceive() add the same listeners as onProgressUpdate and onHeadersReceived",
      'aliases',
      async () => {
        const progressCalls: OnProgressUpdateCallbackResult[] = [];
        const headerCalls: OnHeadersReceivedCallbackResult[] = [];
        const removedCalls: unknown[] = [];
        const onProgress = (e: OnProgressUpdateCallbackResult) => progressCalls.push(e);
        const onHeaders = (e: OnHeadersReceivedCallbackResult) => headerCalls.push(e);
        const removed = (e: unknown) => removedCalls.push(e);
        const { progress, headers } = await ctx.run(
          { url: ctx.file({ ...SLOW, id: ctx.newId() }) },
          (task) => {
            task.progress(onProgress);
            task.onProgressUpdate(onProgress); // the same listener: kept once
            task.headersReceive(onHeaders);
            task.onHeadersReceived(onHeaders);
            task.progress(removed);
            task.offProgressUpdate(removed); // off* removes what the alias added
          },
        );
        expect(progress.length).toBeGreaterThan(1);
        expect(progressCalls).toEqual(progress);
        expect(headerCalls).toEqual(headers);
        expect(removedCalls).toEqual([]);
      },
      ['progressUpdate', 'headersReceived'],
    );

    clause(
      ctx,
      'a throwing listener or callback breaks neither the task, the other listeners, nor the promise',
      ['callbacks', 'onProgressUpdate', 'onHeadersReceived'],
      async () => {
        const reported = captureReportedErrors();
        try {
          const others: unknown[] = [];
          const task = ctx.target.downloadFile({
            url: ctx.file({ size: 50_000, seed: 31, id: ctx.newId() }),
            success: () => {
              throw new Error('success callback bug');
            },
            complete: () => {
              throw new Error('complete callback bug');
            },
          });
          task.onHeadersReceived(() => {
            throw new Error('headers listener bug');
          });
          task.onProgressUpdate(() => {
            throw new Error('progress listener bug');
          });
          task.onProgressUpdate((e) => others.push(e));
          const result = await task;
          expect(result.dataLength).toBe(50_000);
          await ctx.expectSavedBytes(result.tempFilePath!, 50_000, 31);
          expect(others.length).toBeGreaterThan(0);
          const messages = reported.errors.map((e) => (e as Error).message);
          for (const m of [
            'success callback bug',
            'complete callback bug',
            'headers listener bug',
            'progress listener bug',
          ]) {
            expect(messages, `"${m}" was reported`).toContain(m);
          }
        } finally {
          reported.restore();
        }
      },
    );
  });
}

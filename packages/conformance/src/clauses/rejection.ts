import { describe, expect } from 'vitest';
import { clause, type SuiteContext } from '../context';
import { sleep } from '../record';

/** Counts unhandled rejections in Node and in browsers while `body` runs. */
async function countUnhandledRejections(body: () => Promise<void>): Promise<number> {
  let count = 0;
  const onNode = () => {
    count++;
  };
  const onBrowser = (event: Event) => {
    count++;
    event.preventDefault();
  };
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  const isBrowser = typeof window !== 'undefined';
  if (isBrowser) window.addEventListener('unhandledrejection', onBrowser);
  else proc?.on('unhandledRejection', onNode);
  try {
    await body();
    await sleep(50);
  } finally {
    if (isBrowser) window.removeEventListener('unhandledrejection', onBrowser);
    else proc?.off('unhandledRejection', onNode);
  }
  return count;
}

/** Contract §7: callbacks mean no unhandled rejection, while awaiting still rejects. */
export function rejectionClauses(ctx: SuiteContext): void {
  describe('no unhandled rejection with callbacks', () => {
    for (const callback of ['fail', 'complete'] as const) {
      clause(
        ctx,
        `a failing task with a ${callback} callback raises no unhandled rejection`,
        'callbacks',
        async () => {
          let called = false;
          const unhandled = await countUnhandledRejections(async () => {
            ctx.target.downloadFile({ url: 'ftp://127.0.0.1/x', [callback]: () => (called = true) });
            await sleep(50);
          });
          expect(called).toBe(true);
          expect(unhandled).toBe(0);
        },
      );
    }

    clause(
      ctx,
      'the promise still rejects with a DownloadError for those who await it',
      ['promise', 'callbacks'],
      async () => {
        let failed: unknown;
        const task = ctx.target.downloadFile({ url: 'ftp://127.0.0.1/x', fail: (r) => (failed = r) });
        const error = await task.then(
          () => undefined,
          (e: unknown) => e,
        );
        // An Error of the adapter's realm (which may not be the suite's: the platform realm tests).
        expect(Object.prototype.toString.call(error), 'an Error').toBe('[object Error]');
        expect(error).toMatchObject({ name: 'DownloadError', code: 'INVALID_ARGUMENT', errno: 600005 });
        expect(failed).toMatchObject({
          code: 'INVALID_ARGUMENT',
          errMsg: 'downloadFile:fail url scheme is invalid',
        });
      },
    );
  });
}

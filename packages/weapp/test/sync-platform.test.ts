import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createDownloader, type MiniProgramPlatform } from '../src/index';

const url = 'http://127.0.0.1:9/x';

/** A platform whose downloadFile does what `behave` says, counting the aborts it receives. */
function platform(behave: (options: { success?: (r: object) => void; fail?: (r: object) => void }) => void) {
  const counts = { calls: 0, aborts: 0 };
  const wx = {
    downloadFile(options: { success?: (r: object) => void; fail?: (r: object) => void }) {
      counts.calls++;
      behave(options);
      return {
        abort: () => {
          counts.aborts++;
        },
      };
    },
  };
  return { wx: wx as unknown as MiniProgramPlatform, counts };
}

describe('a platform that answers before downloadFile returns', () => {
  it('a synchronous fail settles the task and leaves no abort listener on the job', async () => {
    const { wx, counts } = platform((o) => o.fail?.({ errMsg: 'downloadFile:fail offline', errno: 600001 }));
    const controller = new AbortController();
    const task = createDownloader({ platform: wx }).downloadFile({ url, signal: controller.signal });
    await expect(task).rejects.toMatchObject({ code: 'NETWORK', errMsg: 'downloadFile:fail offline' });
    controller.abort();
    expect(counts.aborts).toBe(0);
  });

  it('busy (600007) answered synchronously is tried again; an abort later reaches only the live attempt', async () => {
    let n = 0;
    let live: ((r: object) => void) | undefined;
    const counts = { calls: 0, aborts: 0 };
    const wx = {
      downloadFile(options: { fail?: (r: object) => void }) {
        counts.calls++;
        if (++n < 3) options.fail?.({ errMsg: 'downloadFile:fail exceed max task count', errno: 600007 });
        else live = options.fail;
        return {
          abort: () => {
            counts.aborts++;
            live?.({ errMsg: 'downloadFile:fail abort' });
          },
        };
      },
    } as unknown as MiniProgramPlatform;
    const task = createDownloader({ platform: wx }).downloadFile({ url });
    for (let i = 0; i < 200 && counts.calls < 3; i++) await new Promise((r) => setTimeout(r, 5));
    expect(counts.calls).toBe(3);
    task.abort();
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
    expect(counts.aborts).toBe(1);
  });

  it.each([
    ['an Error', new Error('bad call'), 'downloadFile:fail bad call'],
    ["another realm's Error", runInNewContext("new Error('bad call')"), 'downloadFile:fail bad call'],
    ['a fail-shaped object', { errMsg: 'downloadFile:fail weird', errno: 600000 }, 'downloadFile:fail weird'],
  ])(
    'a platform that throws %s fails the task with its reason, not [object Object]',
    async (_k, thrown, errMsg) => {
      const { wx } = platform(() => {
        throw thrown;
      });
      await expect(createDownloader({ platform: wx }).downloadFile({ url })).rejects.toMatchObject({
        code: 'NETWORK',
        errMsg,
      });
    },
  );
});

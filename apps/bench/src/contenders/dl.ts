/** @dl/node as its users call it: every task handed to `downloadFile` at once, its queue runs 10. */
import { createDownloader } from '@dl/node';
import type { NodeContender } from './types';

type CreateDownloader = typeof createDownloader;

function dlContender(
  name: string,
  withProgress: boolean,
  load: () => Promise<CreateDownloader>,
): NodeContender {
  let downloader: ReturnType<CreateDownloader> | undefined;
  return {
    name,
    async saveAll(url, paths, concurrency) {
      downloader ??= (await load())({ maxConcurrent: concurrency });
      const { downloadFile } = downloader;
      await Promise.all(
        paths.map((filePath) => {
          const task = downloadFile({ url, filePath, timeout: 0 });
          if (withProgress) task.onProgressUpdate(() => {});
          return task;
        }),
      );
    },
  };
}

const workspace = async () => createDownloader;
export const dlNode = dlContender('@dl/node', false, workspace);
export const dlNodeWithProgress = dlContender('@dl/node with a progress listener', true, workspace);

/**
 * `DL_BENCH_OTHER=/path/to/another/build/of/node/dist/index.js`: another build of @dl/node runs beside
 * this one in every suite, to see what a change to it gains.
 */
const other = process.env.DL_BENCH_OTHER;
export const dlOther = other
  ? dlContender('@dl/node (DL_BENCH_OTHER)', false, async () => (await import(other)).createDownloader)
  : undefined;

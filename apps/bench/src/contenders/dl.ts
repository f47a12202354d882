/** @dl/node as its users call it: every task handed to `downloadFile` at once, its queue runs 10. */
import { createDownloader } from '@dl/node';
import type { NodeContender } from './types';

function dlContender(name: string, withProgress: boolean): NodeContender {
  let downloader: ReturnType<typeof createDownloader> | undefined;
  return {
    name,
    async saveAll(url, paths, concurrency) {
      downloader ??= createDownloader({ maxConcurrent: concurrency });
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

export const dlNode = dlContender('@dl/node', false);
export const dlNodeWithProgress = dlContender('@dl/node with a progress listener', true);

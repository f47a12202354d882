import { mkdir, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { asyncDriver, type DownloadDriver, type DownloadJob, tempFileName } from '@dl/core';
import { streamResponse, toAbortSignal } from '@dl/core/fetch';
import { PartFile, toFileSystemError } from './part-file';
import { fetchFollowingRedirects } from './redirects';

export interface NodeDriverConfig {
  /** Where files go when the caller gives no `filePath`. */
  tempDir: string;
}

/** The Node platform: fetch (undici) with redirects counted by hand, bytes streamed to disk. */
export function createNodeDriver(config: NodeDriverConfig): DownloadDriver {
  async function download(job: DownloadJob): Promise<void> {
    let target: string;
    if (job.filePath) {
      target = resolve(job.filePath);
    } else {
      try {
        await mkdir(config.tempDir, { recursive: true });
      } catch (error) {
        throw toFileSystemError(error, config.tempDir);
      }
      target = join(config.tempDir, tempFileName(job.url));
    }
    // Open the file before asking the network, so an unwritable target fails at once.
    const file = await PartFile.create(target);
    try {
      const response = await fetchFollowingRedirects(job.url, {
        headers: { ...job.header },
        signal: toAbortSignal(job.signal),
      });
      const received = await streamResponse(response, file, job);
      // From here the task cannot be aborted: a caller's existing file is replaced whole or not at all.
      if (!job.commit()) throw job.signal.reason;
      await file.commit();
      const saved = job.filePath ? { filePath: job.filePath } : { tempFilePath: target };
      job.succeed({ ...received, ...saved });
    } catch (error) {
      await file.discard();
      throw error;
    }
  }

  return asyncDriver(download, {
    async discard(saved) {
      const path = saved.filePath ?? saved.tempFilePath;
      if (path) await unlink(path).catch(() => {});
    },
  });
}

import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  asyncDriver,
  type DownloadDriver,
  type DownloadJob,
  ERRNO,
  isDownloadError,
  tempFileName,
} from '@dl/core';
import { streamResponse, toAbortSignal } from '@dl/core/fetch';
import { PartFile } from './part-file';
import { fetchFollowingRedirects } from './redirects';
import { TempDir } from './temp-dir';

export interface NodeDriverConfig {
  /** Where files go when the caller gives no `filePath`. */
  tempDir: string;
  /** Check that `tempDir` is private to this user (the default directory) rather than only create it. */
  privateTempDir?: boolean;
}

/** The Node platform: fetch (undici) with redirects counted by hand, bytes streamed to disk. */
export function createNodeDriver(config: NodeDriverConfig): DownloadDriver {
  const tempDir = new TempDir(config.tempDir, config.privateTempDir ?? false);

  /** A part file for a temporary result, owner-only; the directory is checked once, again if it vanished. */
  async function createTempFile(job: DownloadJob): Promise<PartFile> {
    for (let attempt = 0; ; attempt++) {
      const target = join(await tempDir.get(), tempFileName(job.url));
      try {
        return await PartFile.create(target, 0o600);
      } catch (error) {
        const vanished = isDownloadError(error) && error.errno === ERRNO.FILE_SYSTEM_NO_DIR;
        if (!vanished || attempt > 0) throw error;
        tempDir.forget();
      }
    }
  }

  async function download(job: DownloadJob): Promise<void> {
    // Open the file before asking the network, so an unwritable target fails at once.
    const file = job.filePath ? await PartFile.create(resolve(job.filePath)) : await createTempFile(job);
    const target = file.finalPath;
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

import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  asyncDriver,
  type BodyChunks,
  type DownloadDriver,
  type DownloadJob,
  ERRNO,
  expectedBodyLength,
  isDownloadError,
  pumpBody,
  tempFileName,
} from '@dl/core';
import { toAbortSignal } from './abort-signal';
import type { NodeResponse } from './http';
import { PartFile } from './part-file';
import { getFollowingRedirects } from './redirects';
import { TempDir } from './temp-dir';

export interface NodeDriverConfig {
  /** Where files go when the caller gives no `filePath`. */
  tempDir: string;
  /** Check that `tempDir` is private to this user (the default directory) rather than only create it. */
  privateTempDir?: boolean;
}

/**
 * The decoded body as `@dl/core`'s `pumpBody` reads it: stopping destroys the response (and so the
 * connection), also when the encoding turns out corrupt or the connection is cut (both NETWORK).
 */
function responseChunks(response: NodeResponse): BodyChunks {
  const chunks = (response.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  return {
    async next() {
      const { done, value } = await chunks.next();
      return done ? undefined : value;
    },
    stop: (reason) => {
      response.destroy(reason);
    },
  };
}

/** The Node platform: node:http(s) with redirects counted by hand and our own decoding, bytes streamed to disk. */
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
      const response = await getFollowingRedirects(job.url, {
        headers: { ...job.header },
        signal: toAbortSignal(job.signal),
      });
      job.headers(response.status, response.header);
      const dataLength = await pumpBody(
        responseChunks(response),
        (chunk) => file.write(chunk),
        job,
        expectedBodyLength(response.header),
      );
      const received = { statusCode: response.status, header: response.header, dataLength };
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

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  asyncDriver,
  continuesAt,
  type DownloadDriver,
  type DownloadJob,
  ERRNO,
  fileSystemError,
  isDownloadError,
  tempFileName,
} from '@dl/core';
import { linkAbort } from './abort-link';
import { isPartFile, PartFile } from './part-file';
import { pump } from './pump';
import { getFollowingRedirects } from './redirects';
import { TempDir } from './temp-dir';

export interface NodeDriverConfig {
  /** Where files go when the caller gives no `filePath`. */
  tempDir: string;
  /** Check that `tempDir` is private to this user (the default directory) rather than only create it. */
  privateTempDir?: boolean;
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

  /**
   * The part file this attempt writes: the one a resumed download continues, else a new one. A partial is
   * continued only where this download would have written it: beside its `filePath` under that file's own
   * part-file name, or in the temporary directory.
   */
  async function openPartFile(job: DownloadJob): Promise<PartFile> {
    if (!job.resume) return job.filePath ? PartFile.create(resolve(job.filePath)) : createTempFile(job);
    const partPath = resolve(job.resume.partial);
    const name = basename(partPath);
    const finalPath = job.filePath
      ? resolve(job.filePath)
      : join(await tempDir.get(), name.replace(/^\./, '').replace(/\.[0-9a-f]{12}\.part$/, ''));
    const ownName = name.startsWith(`.${basename(finalPath)}.`) && (job.filePath || name.startsWith('.dl-'));
    if (dirname(partPath) !== dirname(finalPath) || !ownName) {
      throw fileSystemError('cannot continue a partial this download did not write');
    }
    return PartFile.reopen(partPath, finalPath);
  }

  async function download(job: DownloadJob): Promise<void> {
    // The file is opened while the request is on its way (neither waits for the other); an unwritable
    // target still fails at once: the request is dropped unanswered.
    const request = linkAbort(job.signal);
    const opening = openPartFile(job);
    const responding = getFollowingRedirects(job.url, { headers: { ...job.header }, signal: request.signal });
    responding.catch(() => {}); // a failure is read below, once the file is known
    let file: PartFile;
    try {
      file = await opening;
    } catch (error) {
      request.abort(error);
      responding.then(
        (response) => response.destroy(error),
        () => {},
      );
      request.unlink();
      throw error;
    }
    // The task owns the part file from here: kept for pause/retry/resumeData, removed by dropPartial.
    job.saving(file.partPath);
    try {
      const response = await responding;
      const offset = continuesAt(job, response.status, response.header);
      await file.truncate(offset);
      job.headers(response.status, response.header);
      // Hashed while streaming; a continued file is hashed whole once saved.
      const streamHash = job.integrity && offset === 0 ? createHash(job.integrity.algorithm) : undefined;
      const dataLength = await pump(response, file, job, offset, streamHash);
      const received = { statusCode: response.status, header: response.header, dataLength };
      let digest: string | undefined;
      if (job.integrity)
        digest = streamHash
          ? streamHash.digest('base64')
          : await hashFile(file.partPath, job.integrity.algorithm);
      // From here the task cannot be aborted: a caller's existing file is replaced whole or not at all.
      if (!job.commit(digest)) throw job.signal.reason;
      await file.commit();
      const saved = job.filePath ? { filePath: job.filePath } : { tempFilePath: file.finalPath };
      job.succeed({ ...received, ...saved });
    } catch (error) {
      await file.close();
      throw error;
    } finally {
      request.unlink();
    }
  }

  return asyncDriver(download, {
    async discard(saved) {
      const path = saved.filePath ?? saved.tempFilePath;
      if (path) await unlink(path).catch(() => {});
    },
    async partialSize(partial) {
      if (!(await isPartFile(partial))) return undefined;
      return (await stat(partial)).size;
    },
    async dropPartial(partial) {
      if (await isPartFile(partial)) await unlink(partial).catch(() => {});
    },
  });
}

/** The base64 digest of a file, read as a stream. */
async function hashFile(path: string, algorithm: string): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

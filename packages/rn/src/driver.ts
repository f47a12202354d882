import {
  asyncDriver,
  type DownloadDriver,
  type DownloadError,
  type DownloadJob,
  ERRNO,
  expectedBodyLength,
  fileSystemError,
  followRedirects,
  headersToRecord,
  isDownloadError,
  networkError,
  redirectTarget,
  tempFileName,
  toDownloadError,
  UNKNOWN_SIZE_INTERVAL_MS,
} from '@dl/core';
import type { ResponseHeaders } from '@dl/types';
import { NativeFailure, type NativeFileBackend } from './backend';
import { dirName, joinPath, partPathFor, toFileUrl, toPlainPath } from './paths';

/** The task's error for whatever a download threw: the abort reason first, then the library's kind. */
export function toTaskError(error: unknown, job: DownloadJob): DownloadError {
  if (job.signal.aborted || isDownloadError(error)) return toDownloadError(error, job);
  if (error instanceof NativeFailure) {
    return error.kind === 'file-system'
      ? fileSystemError(error.message, ERRNO.FILE_SYSTEM, error)
      : networkError(error.message, error);
  }
  return toDownloadError(error, job);
}

interface Exchange {
  statusCode: number;
  header: ResponseHeaders;
}

/**
 * React Native: the native library does the HTTP and the writing; this driver adds what the contract asks
 * on top: redirects counted to 15, the headers event for the final response only, a part file moved onto
 * the target at the end, and nothing left behind on failure or abort.
 */
export function createNativeDriver(backend: NativeFileBackend): DownloadDriver {
  /** One request/response, saved into `partPath`; reports headers and progress only for a final response. */
  async function exchange(
    url: string,
    headers: Record<string, string>,
    partPath: string,
    job: DownloadJob,
  ): Promise<Exchange> {
    let final = false;
    let expected = 0;
    let ended = false;
    let sizePoll: ReturnType<typeof setInterval> | undefined;
    const transfer = backend.fetchToFile({
      url,
      headers,
      toFile: partPath,
      onResponse(statusCode, raw) {
        const header = headersToRecord(raw);
        // Never throw here: this runs in the native module's event callback, where a throw is an uncaught
        // exception. A redirect the chain refuses (a non-http(s) Location) is not the final response
        // either; followRedirects fails the task with NETWORK once the exchange ends.
        try {
          final = redirectTarget(statusCode, header.location, url) === undefined;
        } catch {
          final = false;
        }
        if (!final) return;
        job.headers(statusCode, header);
        expected = expectedBodyLength(header);
        // Without a length the library reports no byte count until the end (Android and iOS), so the
        // growing file's size is the progress; one poll per exchange, never one after it ended.
        if (expected === 0 && sizePoll === undefined && !ended) {
          sizePoll = setInterval(() => {
            backend.size(partPath).then(
              (size) => job.progress(size, 0),
              () => {},
            );
          }, UNKNOWN_SIZE_INTERVAL_MS);
        }
      },
      onProgress(written) {
        if (final) job.progress(written, expected);
      },
    });
    // A block body: an AbortSignal listener's return value is inspected by some runtimes (Node reports a
    // returned rejected promise as an uncaught error), and the library's cancel() returns its rejected task.
    const cancel = () => {
      transfer.cancel();
    };
    job.signal.addEventListener('abort', cancel, { once: true });
    try {
      const response = await transfer.done;
      return { statusCode: response.statusCode, header: headersToRecord(response.headers) };
    } finally {
      ended = true;
      clearInterval(sizePoll);
      job.signal.removeEventListener('abort', cancel);
    }
  }

  async function targetPath(job: DownloadJob): Promise<string> {
    if (!job.filePath) return joinPath(backend.cacheDir(), tempFileName(job.url));
    const target = toPlainPath(job.filePath);
    const dir = dirName(target);
    // The library would create missing directories; the contract says a missing directory is an error.
    if (!(await backend.isDir(dir))) {
      throw fileSystemError(`no such directory: ${dir}`, ERRNO.FILE_SYSTEM_NO_DIR);
    }
    return target;
  }

  async function download(job: DownloadJob): Promise<void> {
    const target = await targetPath(job);
    if (job.signal.aborted) throw job.signal.reason;
    const partPath = partPathFor(target);
    try {
      const response = await followRedirects(
        job.url,
        job.header,
        (url, headers) => exchange(url, headers, partPath, job),
        (exchanged) => ({ statusCode: exchanged.statusCode, location: exchanged.header.location }),
      );
      const dataLength = await backend.size(partPath);
      // From here the task cannot be aborted: a caller's existing file is replaced whole or not at all.
      if (!job.commit()) throw job.signal.reason;
      await backend.move(partPath, target);
      const saved = job.filePath ? { filePath: job.filePath } : { tempFilePath: toFileUrl(target) };
      job.succeed({ statusCode: response.statusCode, header: response.header, dataLength, ...saved });
    } catch (error) {
      await backend.remove(partPath).catch(() => {});
      throw error;
    }
  }

  return asyncDriver(download, {
    toError: toTaskError,
    async discard(saved) {
      const path = saved.filePath ?? saved.tempFilePath;
      if (path) await backend.remove(toPlainPath(path)).catch(() => {});
    },
  });
}

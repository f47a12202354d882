import {
  asyncDriver,
  continuesAt,
  type DownloadDriver,
  type DownloadError,
  type DownloadJob,
  ERRNO,
  expectedBodyLength,
  fileSystemError,
  followRedirects,
  headersToRecord,
  isDownloadError,
  isRedirect,
  networkError,
  tempFileName,
  toDownloadError,
  UNKNOWN_SIZE_INTERVAL_MS,
} from '@dl/core';
import type { ResponseHeaders } from '@dl/types';
import { NativeFailure, type NativeFileBackend } from './backend';
import { baseName, dirName, isPartPath, joinPath, partPathFor, toFileUrl, toPlainPath } from './paths';

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

/** What the final response's head decided for the body (set in `onFinal`). */
interface FinalHead {
  /** Bytes already saved before this body: its progress counts from here (the offset of a continuation). */
  base: number;
}

/**
 * React Native: the native library does the HTTP and the writing; this driver adds what the contract asks
 * on top: redirects counted to 15, the headers event for the final response only, a part file moved onto
 * the target at the end, and a partial the task can continue (pause, retries, resumeData).
 *
 * Continuing: the library decides how it opens its output file (appending or not) before any response
 * arrives, and can neither truncate a file nor leave a redirect's body unsaved, so a continued attempt
 * never writes into the partial itself: every response goes to a fresh part file (the segment), and only
 * the rest of the resource (a 206 from the partial's end) is appended to the partial, when the attempt
 * ends. A 200 (the whole resource again) makes the segment the partial and the old one goes.
 */
export function createNativeDriver(backend: NativeFileBackend): DownloadDriver {
  /** Work on a partial in progress (appending a segment), so nothing measures or removes it meanwhile. */
  const busy = new Map<string, Promise<void>>();

  function exclusive(path: string, op: () => Promise<void>): Promise<void> {
    const run = (busy.get(path) ?? Promise.resolve()).then(op);
    const settled = run.then(
      () => {},
      () => {},
    );
    busy.set(path, settled);
    settled.then(() => {
      if (busy.get(path) === settled) busy.delete(path);
    });
    return run;
  }

  /**
   * One request/response saved into `toFile`; reports headers and progress only for a final response,
   * after `onFinal` has placed its body.
   */
  async function exchange(
    url: string,
    headers: Record<string, string>,
    toFile: string,
    job: DownloadJob,
    onFinal: (statusCode: number, header: ResponseHeaders) => FinalHead,
  ): Promise<Exchange> {
    let final = false;
    let base = 0;
    let expected = 0;
    let ended = false;
    let sizePoll: ReturnType<typeof setInterval> | undefined;
    const transfer = backend.fetchToFile({
      url,
      headers,
      toFile,
      onResponse(statusCode, raw) {
        const header = headersToRecord(raw);
        // Not redirectTarget: a bad Location must not throw here, inside the native library's event
        // callback (fatal in React Native); followRedirects fails the task with it.
        final = !isRedirect(statusCode, header.location);
        if (!final) return;
        base = onFinal(statusCode, header).base;
        job.headers(statusCode, header);
        const length = expectedBodyLength(header);
        expected = length > 0 ? base + length : 0;
        // Without a length the library reports no byte count until the end (Android and iOS), so the
        // growing file's size is the progress; one poll per exchange, never one after it ended.
        if (expected === 0 && sizePoll === undefined && !ended) {
          sizePoll = setInterval(() => {
            backend.size(toFile).then(
              (size) => job.progress(base + size, 0),
              () => {},
            );
          }, UNKNOWN_SIZE_INTERVAL_MS);
        }
      },
      onProgress(written) {
        if (final) job.progress(base + written, expected);
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

  /**
   * The partial an attempt continues: one of dl's part files where this download would have written it —
   * beside its `filePath` under that file's own part-file name, or a temporary one (`.dl-…`) in the cache.
   */
  function continuedPartial(partial: string, target: string, job: DownloadJob): string {
    const ownName = baseName(partial).startsWith(job.filePath ? `.${baseName(target)}.` : '.dl-');
    if (!isPartPath(partial) || dirName(partial) !== dirName(target) || !ownName) {
      throw fileSystemError('cannot continue a partial this download did not write');
    }
    return partial;
  }

  async function download(job: DownloadJob): Promise<void> {
    const target = await targetPath(job);
    if (job.signal.aborted) throw job.signal.reason;
    const resume = job.resume;
    // The task's partial: the one this attempt continues, or the file it writes from zero.
    let partial = resume ? continuedPartial(resume.partial, target, job) : partPathFor(target);
    // Where the responses are written: the partial itself, or (continuing) a segment of this attempt's.
    const receiving = resume ? partPathFor(target) : partial;
    /** The segment holds the rest of the resource (a 206), to be appended to the partial. */
    let rest = false;
    /** The removal of a partial this attempt replaced (the server sent the whole resource again). */
    let superseded: Promise<void> = Promise.resolve();
    if (!resume) job.saving(partial);

    const onFinal = (statusCode: number, header: ResponseHeaders): FinalHead => {
      if (!resume) return { base: 0 };
      let at = 0;
      try {
        at = continuesAt(job, statusCode, header);
      } catch {
        // A range from elsewhere: core fails the attempt on these headers; the segment is dropped.
        return { base: 0 };
      }
      if (at > 0) {
        rest = true;
        return { base: at };
      }
      // The whole resource (or a status's body): the segment is the partial from now on; the old one goes.
      superseded = backend.remove(partial).catch(() => {});
      partial = receiving;
      job.saving(partial);
      return { base: 0 };
    };

    /** Appends the rest to the partial; a failed append spoils both, so both go (the task restarts). */
    const appendRest = () =>
      exclusive(partial, async () => {
        rest = false;
        try {
          await backend.append(partial, receiving);
        } catch (error) {
          await backend.remove(partial).catch(() => {});
          throw error;
        } finally {
          await backend.remove(receiving).catch(() => {});
        }
      });

    try {
      const response = await followRedirects(
        job.url,
        job.header,
        (url, headers) => exchange(url, headers, receiving, job, onFinal),
        (exchanged) => ({ statusCode: exchanged.statusCode, location: exchanged.header.location }),
      );
      if (rest) await appendRest();
      await superseded;
      const dataLength = await backend.size(partial);
      const digest = job.integrity ? await backend.digest(partial, job.integrity.algorithm) : undefined;
      // From here the task cannot be aborted: a caller's existing file is replaced whole or not at all.
      if (!job.commit(digest)) throw job.signal.reason;
      await backend.move(partial, target);
      const saved = job.filePath ? { filePath: job.filePath } : { tempFilePath: toFileUrl(target) };
      job.succeed({ statusCode: response.statusCode, header: response.header, dataLength, ...saved });
    } catch (error) {
      // The partial stays for the task to continue or remove; what this attempt got of the rest joins it.
      if (rest) await appendRest().catch(() => {});
      else if (receiving !== partial) await backend.remove(receiving).catch(() => {});
      await superseded;
      throw error;
    }
  }

  return asyncDriver(download, {
    toError: toTaskError,
    async discard(saved) {
      const path = saved.filePath ?? saved.tempFilePath;
      if (path) await backend.remove(toPlainPath(path)).catch(() => {});
    },
    async partialSize(partial) {
      if (!isPartPath(partial)) return undefined;
      await busy.get(partial);
      if (await backend.isDir(partial).catch(() => true)) return undefined;
      return backend.size(partial).catch(() => undefined);
    },
    async dropPartial(partial) {
      if (!isPartPath(partial)) return;
      await busy.get(partial);
      if (await backend.isDir(partial).catch(() => true)) return;
      await backend.remove(partial).catch(() => {});
    },
  });
}

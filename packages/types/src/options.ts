import type { DownloadFailResult, DownloadFileSuccessResult } from './results';
import type { AbortSignalLike } from './signal';

/** Options of {@link DownloadFile}; the wx-style fields plus dl's own. */
export interface DownloadFileOptions {
  /**
   * The resource to download: an `http:` or `https:` URL. On h5 a relative URL resolves against the page.
   * Anything else fails the task with code `INVALID_ARGUMENT`.
   */
  url: string;
  /** Request headers. Values must not contain CR or LF (`INVALID_ARGUMENT`). @default {} */
  header?: Record<string, string>;
  /**
   * Deadline in milliseconds for the whole download, counted from the moment the request starts
   * (time spent waiting in the queue does not count). Must be a finite number `>= 0`; `0` means none.
   * @default 60000
   */
  timeout?: number;
  /**
   * Save the file here instead of a temporary file. Written atomically where the platform allows
   * (temporary name, then rename), so a failed download never leaves a half file under this name.
   */
  filePath?: string;
  /**
   * Aborts the task when this signal aborts, exactly as `task.abort()` would (code `ABORTED`).
   * A signal that is already aborted fails the task at once (still asynchronously).
   */
  signal?: AbortSignalLike;
  /** Called with the result when the download completes, whatever the HTTP status. */
  success?: (result: DownloadFileSuccessResult) => void;
  /** Called when the download fails (network, abort, timeout, bad options, file system). */
  fail?: (result: DownloadFailResult) => void;
  /** Called after `success` or `fail`, with the same result. */
  complete?: (result: DownloadFileSuccessResult | DownloadFailResult) => void;
}

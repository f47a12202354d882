import type { ResumeData, RetryOptions } from './beyond';
import type { DownloadFailResult, DownloadFileResultFor, DownloadFileSuccessLike } from './results';
import type { AbortSignalLike } from './signal';

/**
 * A request header value. Numbers and booleans are accepted as the platforms accept them, and sent as
 * their text (`1` as `"1"`, `true` as `"true"`).
 */
export type RequestHeaderValue = string | number | boolean;

/** Request headers: names to values; a value may be a number or boolean, sent as its text. */
export type RequestHeaders = Record<string, RequestHeaderValue>;

/**
 * Options of {@link DownloadFile}; the wx-style fields plus dl's own.
 *
 * The callbacks are declared as methods, so a callback typed by a platform's own typings (WeChat's
 * `DownloadFileFailCallback`, Taro's, …) is accepted wherever its parameter fits dl's result.
 *
 * @typeParam P - The type of `filePath`: `undefined` when none is given (the result has `tempFilePath`),
 *   `string` when one is (the result has `filePath`), `string | undefined` (the default) when either.
 * @typeParam S - What `success` is declared to receive: by default {@link DownloadFileResultFor}`<P>`; a
 *   callback typed by a platform's typings (e.g. `WechatMiniprogram.DownloadFileSuccessCallback`) sets it
 *   to that platform's result type, which must fit {@link DownloadFileSuccessLike}.
 */
export interface DownloadFileOptions<
  P extends string | undefined = string | undefined,
  S extends DownloadFileSuccessLike = DownloadFileResultFor<P>,
> {
  /**
   * The resource to download: an `http:` or `https:` URL. On h5 a relative URL resolves against the page.
   * Anything else fails the task with code `INVALID_ARGUMENT`.
   */
  url: string;
  /**
   * Request headers. Numbers and booleans are sent as their text. Values must not contain CR or LF
   * (`INVALID_ARGUMENT`). @default {}
   */
  header?: RequestHeaders;
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
  filePath?: P;
  /**
   * Aborts the task when this signal aborts, exactly as `task.abort()` would (code `ABORTED`).
   * A signal that is already aborted fails the task at once (still asynchronously).
   */
  signal?: AbortSignalLike;
  /**
   * Retry after a network failure or a 408, 429 or 5xx response: a number is the retry limit, or
   * {@link RetryOptions}. Each retry is announced to `onRetry` listeners. @default 0 (no retries)
   */
  retry?: number | RetryOptions | undefined;
  /**
   * The file's expected hash in Subresource Integrity syntax (`sha256-<base64>`, also sha384/sha512;
   * several space-separated values allowed: the strongest algorithm counts, any of its values matches).
   * A mismatch fails with code `INTEGRITY` and nothing is saved.
   */
  integrity?: string | undefined;
  /**
   * The largest file accepted, in bytes (decoded); 0 accepts only an empty file. A larger declared size
   * fails with `TOO_LARGE` before the body is read; a body that grows past it fails as soon as it does, and
   * nothing is saved. @default no limit
   */
  maxBytes?: number | undefined;
  /** Progress events at most this often, in milliseconds (the final 100% event always comes). */
  progressInterval?: number | undefined;
  /** Progress events only when the percent moved by at least this much, counted from 0% (1–100; known sizes). */
  progressStep?: number | undefined;
  /**
   * Continue a download from the bytes an earlier task saved (`task.resumeData()`, stored by the
   * caller, also across app restarts). The `url` and `filePath` must be the same. Where the bytes are
   * gone or the resource changed, the download starts again from zero.
   */
  resumeData?: ResumeData | undefined;
  /** Called with the result when the download completes, whatever the HTTP status. */
  success?(result: S): void;
  /** Called when the download fails (network, abort, timeout, bad options, file system). */
  fail?(result: DownloadFailResult): void;
  /** Called after `success` or `fail`, with the same result. */
  complete?(result: DownloadFileResultFor<P> | DownloadFailResult): void;
}

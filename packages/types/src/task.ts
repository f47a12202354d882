import type { OnRetryCallback, ResumeData } from './beyond';
import type { DownloadFileOptions } from './options';
import type {
  DownloadFileSavedResult,
  DownloadFileSuccessLike,
  DownloadFileSuccessResult,
  DownloadFileTempResult,
  ResponseHeaders,
} from './results';

/** The headers event: fires at most once, for the final response, before any progress event. */
export interface OnHeadersReceivedCallbackResult {
  /** HTTP response headers, lower-case names. */
  header: ResponseHeaders;
  /** HTTP status of the final response. */
  statusCode: number;
}

/** A progress event. */
export interface OnProgressUpdateCallbackResult {
  /** `floor(totalBytesWritten * 100 / totalBytesExpectedToWrite)`, 0 while the size is unknown, never above 100. */
  progress: number;
  /** Bytes received so far; never decreases. */
  totalBytesWritten: number;
  /** Bytes expected in all; 0 when unknown (no Content-Length, or a content-encoded body). */
  totalBytesExpectedToWrite: number;
}

/** The callback function for the HTTP Response Header event. */
export type OnHeadersReceivedCallback = (result: OnHeadersReceivedCallbackResult) => void;
/** The callback function previously passed to `onHeadersReceived`. */
export type OffHeadersReceivedCallback = OnHeadersReceivedCallback;
/** The callback function for the download progress change event. */
export type OnProgressUpdateCallback = (result: OnProgressUpdateCallbackResult) => void;
/** The callback function previously passed to `onProgressUpdate`. */
export type OffProgressUpdateCallback = OnProgressUpdateCallback;

/**
 * The methods of a download task, on every platform: WeChat's five, and Taro's two aliases
 * (`progress`, `headersReceive`), so the task fits where `WechatMiniprogram.DownloadTask` or
 * `Taro.DownloadTask` is expected.
 */
export interface DownloadTask {
  /** Stops the download: `fail` with `downloadFile:fail abort`, code `ABORTED`. A no-op once settled. */
  abort(): void;
  /** Listens for the response headers (adding the same function twice keeps one). */
  onHeadersReceived(callback: OnHeadersReceivedCallback): void;
  /** Removes that listener; with no argument, removes every headers listener. */
  offHeadersReceived(callback?: OffHeadersReceivedCallback): void;
  /** Listens for progress events (adding the same function twice keeps one). */
  onProgressUpdate(callback: OnProgressUpdateCallback): void;
  /** Removes that listener; with no argument, removes every progress listener. */
  offProgressUpdate(callback?: OffProgressUpdateCallback): void;
  /**
   * Stops the request and keeps the bytes saved so far; the task stays pending (its promise unsettled)
   * and frees its place in the queue. A no-op unless the task is waiting or running.
   */
  pause(): void;
  /**
   * Continues a paused task: it queues again and asks for the rest with a Range request guarded by
   * `If-Range`; if the server sends the whole file instead, the download starts again from zero.
   */
  resume(): void;
  /**
   * What a later task needs to continue this download (pass it as the `resumeData` option), once the
   * response has begun to be saved where the adapter can resume; `undefined` before or where it cannot.
   */
  resumeData(): ResumeData | undefined;
  /** Listens for retries (see the `retry` option). */
  onRetry(callback: OnRetryCallback): void;
  /** Removes that retry listener; with no argument, every retry listener. */
  offRetry(callback?: OnRetryCallback): void;
  /** Taro's name for {@link DownloadTask.onProgressUpdate}: the same listeners, the same rules. */
  progress(callback: OnProgressUpdateCallback): void;
  /** Taro's name for {@link DownloadTask.onHeadersReceived}: the same listeners, the same rules. */
  headersReceive(callback: OnHeadersReceivedCallback): void;
}

/**
 * One value that can be awaited and also carries the task methods.
 * It rejects with a `DownloadError`; when `fail` or `complete` was given, an unobserved rejection
 * does not surface as an unhandled rejection.
 * @typeParam R - What it resolves with: {@link DownloadFileTempResult} for a download without
 *   `filePath`, {@link DownloadFileSavedResult} with one, the general {@link DownloadFileSuccessResult}
 *   (the default) when either.
 */
export type DownloadTaskPromise<R extends DownloadFileSuccessResult = DownloadFileSuccessResult> =
  Promise<R> & DownloadTask;

/**
 * The entry point every adapter exports. Never throws; bad input fails the task asynchronously.
 *
 * The result is typed by what was asked: with a `filePath` string, `filePath: string`; without one,
 * `tempFilePath: string`; with options whose `filePath` may or may not be there, the general result.
 * The same goes for what `success` and `complete` receive.
 * @typeParam Extra - Options an adapter adds to the contract's (e.g. WeChat's `enableHttp2`).
 */
export interface DownloadFile<Extra extends object = object> {
  /** With a `filePath`: the file is saved there and the result has `filePath`. */
  <S extends DownloadFileSuccessLike = DownloadFileSavedResult>(
    options: DownloadFileOptions<string, S> & { filePath: string } & Extra,
  ): DownloadTaskPromise<DownloadFileSavedResult>;
  /** Without a `filePath`: the file is saved to a temporary file, the result's `tempFilePath`. */
  <S extends DownloadFileSuccessLike = DownloadFileTempResult>(
    options: DownloadFileOptions<undefined, S> & Extra,
  ): DownloadTaskPromise<DownloadFileTempResult>;
  /** With options whose `filePath` may be there or not (a `DownloadFileOptions` variable, say). */
  <S extends DownloadFileSuccessLike = DownloadFileSuccessResult>(
    options: DownloadFileOptions<string | undefined, S> & Extra,
  ): DownloadTaskPromise;
}

import type { DownloadFileOptions } from './options';
import type { DownloadFileSuccessResult, ResponseHeaders } from './results';

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

/** The five methods of a download task, on every platform. */
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
}

/**
 * One value that can be awaited and also carries the task methods.
 * It rejects with a `DownloadError`; when `fail` or `complete` was given, an unobserved rejection
 * does not surface as an unhandled rejection.
 */
export type DownloadTaskPromise = Promise<DownloadFileSuccessResult> & DownloadTask;

/** The entry point every adapter exports. Never throws; bad input fails the task asynchronously. */
export type DownloadFile = (options: DownloadFileOptions) => DownloadTaskPromise;

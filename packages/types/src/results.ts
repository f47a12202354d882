import type { DownloadErrorCode } from './errors';

/** Response headers as a plain object with lower-case names. */
export type ResponseHeaders = Record<string, string>;

/**
 * What `success`, `complete` and the resolved promise receive. This is the general shape; a download
 * started without `filePath` is typed {@link DownloadFileTempResult}, one with `filePath`
 * {@link DownloadFileSavedResult} (see {@link DownloadFileResultFor}).
 */
export interface DownloadFileSuccessResult {
  errMsg: 'downloadFile:ok';
  /** The HTTP status of the final response (after redirects). Any status is a success: check it. */
  statusCode: number;
  /** Where the file was saved when no `filePath` was given (a path, `blob:` URL or platform path). */
  tempFilePath?: string | undefined;
  /** The `filePath` option, when one was given. */
  filePath?: string | undefined;
  /** Headers of the final response, lower-case names. */
  header: ResponseHeaders;
  /** Size in bytes of the saved file. */
  dataLength: number;
  /** Timing information, on platforms that give it (WeChat with `enableProfile`). */
  profile?: Record<string, unknown>;
}

/** The result of a download started without `filePath`: the file is at `tempFilePath`. */
export interface DownloadFileTempResult extends DownloadFileSuccessResult {
  /** Where the file was saved (a path, `blob:` URL or platform path). */
  tempFilePath: string;
  /** Absent: no `filePath` was given. */
  filePath?: undefined;
}

/** The result of a download started with `filePath`: the file is there, and `filePath` repeats it. */
export interface DownloadFileSavedResult extends DownloadFileSuccessResult {
  /** The `filePath` option. */
  filePath: string;
  /** Absent: the file went to `filePath`. */
  tempFilePath?: undefined;
}

/**
 * The success result for a `filePath` of type `P`: {@link DownloadFileTempResult} when `P` is
 * `undefined` (no `filePath`), {@link DownloadFileSavedResult} when it is `string`, else the general
 * {@link DownloadFileSuccessResult}.
 */
export type DownloadFileResultFor<P extends string | undefined> = [P] extends [undefined]
  ? DownloadFileTempResult
  : [P] extends [string]
    ? DownloadFileSavedResult
    : DownloadFileSuccessResult;

/**
 * What a `success` callback typed by a platform's own typings may declare as its parameter (WeChat's
 * `DownloadFileSuccessCallbackResult`, Taro's `FileSuccessCallbackResult`, Douyin's, Alipay's): the fields
 * dl's result has, with the platforms' types. Such a callback is accepted and receives dl's result; fields
 * a platform's typings declare but dl does not set (WeChat's `profile` unless the platform gave one, the
 * path field that was not asked for) are absent, as they are on the platforms themselves.
 */
export interface DownloadFileSuccessLike {
  /** `downloadFile:ok`. */
  errMsg?: string;
  /** The HTTP status of the final response. */
  statusCode?: number;
  /** Where the file was saved when no `filePath` was given. */
  tempFilePath?: string | undefined;
  /** The `filePath` option. */
  filePath?: string | undefined;
  /** Alipay's name for `tempFilePath`; dl does not set it. */
  apFilePath?: string;
  /** Response headers. */
  header?: object;
  /** Size in bytes of the saved file. */
  dataLength?: number;
  /** Timing information, where the platform gives it. */
  profile?: object;
}

/** What `fail` and `complete` receive when the download fails. */
export interface DownloadFailResult {
  /** `downloadFile:fail <reason>`; for display only, branch on `code`. */
  errMsg: string;
  /** A stable, platform-independent error code. */
  code: DownloadErrorCode;
  /** The WeChat-compatible numeric error code, where one exists. */
  errno?: number;
}

import type { DownloadErrorCode } from './errors';

/** Response headers as a plain object with lower-case names. */
export type ResponseHeaders = Record<string, string>;

/** What `success`, `complete` and the resolved promise receive. */
export interface DownloadFileSuccessResult {
  errMsg: 'downloadFile:ok';
  /** The HTTP status of the final response (after redirects). Any status is a success: check it. */
  statusCode: number;
  /** Where the file was saved when no `filePath` was given (a path, `blob:` URL or platform path). */
  tempFilePath?: string;
  /** The `filePath` option, when one was given. */
  filePath?: string;
  /** Headers of the final response, lower-case names. */
  header: ResponseHeaders;
  /** Size in bytes of the saved file. */
  dataLength: number;
  /** Timing information, on platforms that give it (WeChat with `enableProfile`). */
  profile?: Record<string, unknown>;
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

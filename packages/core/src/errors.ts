import type { DownloadErrorCode, DownloadError as DownloadErrorShape, DownloadFailResult } from '@dl/types';

/** WeChat-compatible errno values (see `DownloadErrnos` in `@dl/types`). */
export const ERRNO = {
  NETWORK: 600000,
  URL_SCHEME_INVALID: 600005,
  TOO_MANY_REDIRECTS: 600008,
  INVALID_ARGUMENT: 600009,
  FILE_SYSTEM: 603300,
  FILE_SYSTEM_NO_DIR: 603303,
} as const;

/** The error a task's promise rejects with; `fail` receives the same fields as a plain object. */
export class DownloadError extends Error implements DownloadErrorShape {
  override readonly name = 'DownloadError' as const;
  readonly errMsg: string;
  readonly code: DownloadErrorCode;
  readonly errno?: number;

  constructor(code: DownloadErrorCode, reason: string, errno?: number, options?: { cause?: unknown }) {
    const errMsg = `downloadFile:fail ${reason}`;
    super(errMsg, options);
    this.errMsg = errMsg;
    this.code = code;
    if (errno !== undefined) this.errno = errno;
  }

  /** The plain object `fail` and `complete` receive. */
  toFailResult(): DownloadFailResult {
    const result: DownloadFailResult = { errMsg: this.errMsg, code: this.code };
    if (this.errno !== undefined) result.errno = this.errno;
    return result;
  }
}

export function isDownloadError(value: unknown): value is DownloadError {
  return value instanceof DownloadError;
}

export const abortError = () => new DownloadError('ABORTED', 'abort');
export const timeoutError = () => new DownloadError('TIMEOUT', 'timeout');
export const invalidArgument = (reason: string, errno: number = ERRNO.INVALID_ARGUMENT) =>
  new DownloadError('INVALID_ARGUMENT', reason, errno);
export const networkError = (reason: string, cause?: unknown) =>
  new DownloadError('NETWORK', reason, ERRNO.NETWORK, { cause });
export const fileSystemError = (reason: string, errno: number = ERRNO.FILE_SYSTEM, cause?: unknown) =>
  new DownloadError('FILE_SYSTEM', reason, errno, { cause });
export const tooManyRedirects = () =>
  new DownloadError('TOO_MANY_REDIRECTS', 'too many redirects', ERRNO.TOO_MANY_REDIRECTS);

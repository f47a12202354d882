import type { DownloadErrorCode, DownloadError as DownloadErrorShape, DownloadFailResult } from '@dl/types';
import type { DownloadJob } from './driver';

/** WeChat-compatible errno values (the table in `@dl/types`' `DownloadErrorCode`). */
export const ERRNO = {
  NETWORK: 600000,
  URL_SCHEME_INVALID: 600005,
  TOO_MANY_REDIRECTS: 600008,
  INVALID_ARGUMENT: 600009,
  FILE_SYSTEM: 603300,
  FILE_SYSTEM_NO_DIR: 603303,
} as const;

// One key for every copy of @dl/core (an ESM and a CJS one, or two bundles): they recognise each other's errors.
const BRAND = Symbol.for('dl.DownloadError');

/** The error a task's promise rejects with; `fail` receives the same fields as a plain object. */
export class DownloadError extends Error implements DownloadErrorShape {
  override readonly name = 'DownloadError' as const;
  readonly errMsg: string;
  readonly code: DownloadErrorCode;
  readonly errno?: number;
  declare readonly cause?: unknown;

  constructor(code: DownloadErrorCode, reason: string, errno?: number, options?: { cause?: unknown }) {
    const errMsg = `downloadFile:fail ${reason}`;
    super(errMsg);
    // Set here, not through Error's options, which ES2015 runtimes ignore.
    if (options && options.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: options.cause, configurable: true, writable: true });
    }
    Object.defineProperty(this, BRAND, { value: true });
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

/** Whether `value` is a dl error, from this copy of the package or any other. */
export function isDownloadError(value: unknown): value is DownloadError {
  return (
    value instanceof DownloadError ||
    (typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true)
  );
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
export const integrityError = (reason = 'integrity mismatch') => new DownloadError('INTEGRITY', reason);
export const tooLarge = () => new DownloadError('TOO_LARGE', 'file too large');

/**
 * The message of whatever was thrown, read by shape: an `Error` of another realm (a platform's, a native
 * bridge's) is no `instanceof Error` here.
 */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * Maps whatever a download threw to the task's error: the abort/timeout reason when the job was stopped,
 * a DownloadError as it is, anything else NETWORK with the platform's reason.
 */
export function toDownloadError(error: unknown, job: Pick<DownloadJob, 'signal'>): DownloadError {
  if (job.signal.aborted && isDownloadError(job.signal.reason)) return job.signal.reason;
  if (isDownloadError(error)) return error;
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const reason = cause?.message ?? cause?.code ?? errorMessage(error);
  return networkError(reason, error);
}

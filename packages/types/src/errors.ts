/**
 * Stable error codes; branch on these, never on `errMsg`.
 *
 * | code | errMsg reason | errno |
 * |---|---|---|
 * | `ABORTED` | `abort` | – |
 * | `TIMEOUT` | `timeout` | – |
 * | `INVALID_ARGUMENT` | e.g. `url scheme is invalid`, `invalid url` | 600005 / 600009 |
 * | `NETWORK` | the platform's reason | 600000 |
 * | `FILE_SYSTEM` | the platform's reason | 603300 / 603303 |
 * | `TOO_MANY_REDIRECTS` | `too many redirects` | 600008 |
 * | `INTEGRITY` | `integrity mismatch` | – |
 * | `TOO_LARGE` | `file too large` | – |
 */
export type DownloadErrorCode =
  | 'ABORTED'
  | 'TIMEOUT'
  | 'INVALID_ARGUMENT'
  | 'NETWORK'
  | 'FILE_SYSTEM'
  | 'TOO_MANY_REDIRECTS'
  | 'INTEGRITY'
  | 'TOO_LARGE';

/**
 * The error the task's promise rejects with: an `Error` subclass (runtime class in `@dl/core`)
 * carrying the same fields as the `fail` result.
 */
export interface DownloadError extends Error {
  name: 'DownloadError';
  errMsg: string;
  code: DownloadErrorCode;
  errno?: number;
}

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
 */
export type DownloadErrorCode =
  | 'ABORTED'
  | 'TIMEOUT'
  | 'INVALID_ARGUMENT'
  | 'NETWORK'
  | 'FILE_SYSTEM'
  | 'TOO_MANY_REDIRECTS';

/** Every {@link DownloadErrorCode}, for exhaustive checks. */
export type DownloadErrorCodes = readonly DownloadErrorCode[];

/** WeChat-compatible errno values dl uses. */
export interface DownloadErrnos {
  /** Network failure: refused, reset, DNS, body cut short. */
  NETWORK: 600000;
  /** The URL's scheme is not http: or https:. */
  URL_SCHEME_INVALID: 600005;
  /** More than 15 redirects, or a redirect loop. */
  TOO_MANY_REDIRECTS: 600008;
  /** Other invalid options (malformed URL, bad header, bad timeout). */
  INVALID_ARGUMENT: 600009;
  /** The target cannot be written. */
  FILE_SYSTEM: 603300;
  /** The target's directory does not exist. */
  FILE_SYSTEM_NO_DIR: 603303;
}

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

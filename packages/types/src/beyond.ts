import type { AdapterName } from './adapter';
import type { DownloadFailResult } from './results';

/**
 * Retries of a failed attempt: after a network failure, or a response with status 408, 429 or 5xx.
 * Never after an abort, a timeout, another 4xx, an integrity or size failure. A retry continues from
 * the bytes already saved where the adapter can resume and the server honours Range.
 */
export interface RetryOptions {
  /** How many retries after the first attempt (an integer >= 0). */
  limit: number;
  /**
   * The delay before retry `n` (1, 2, …) in milliseconds: a number is the first delay, doubled for each
   * later retry up to 30 s; a function returns the delay itself. A `Retry-After` header on the answer
   * being retried replaces it. @default 1000
   */
  backoff?: number | ((retry: number) => number);
  /**
   * The longest `Retry-After` the task waits, in milliseconds; a response asking for longer is the
   * task's result (it is not retried). @default 60000
   */
  maxRetryAfter?: number;
}

/** What `onRetry` listeners receive, once per retry, before the delay. */
export interface OnRetryCallbackResult {
  /** 1 for the first retry, 2 for the second, … */
  retry: number;
  /** Milliseconds until the retry starts. */
  delay: number;
  /** The failure that caused it, when the attempt failed (a network failure). */
  error?: DownloadFailResult;
  /** The status that caused it, when the server answered 408, 429 or 5xx. */
  statusCode?: number;
}

/** The callback function for the retry event. */
export type OnRetryCallback = (result: OnRetryCallbackResult) => void;

/**
 * What a paused or interrupted download needs to continue later, also in another run of the app:
 * plain JSON, for the caller to store. Pass it back as the `resumeData` option with the same `url`
 * (and `filePath`, if one was given).
 */
export interface ResumeData {
  /** The adapter that saved the bytes. */
  adapter: AdapterName;
  /** The URL being downloaded, as the task validated it. */
  url: string;
  /** The caller's `filePath`, if one was given. */
  filePath?: string | undefined;
  /** Where the adapter keeps the bytes saved so far (a file path, or an id on the web). */
  partial: string;
  /** The response's ETag (or else Last-Modified), sent as `If-Range` so a changed resource restarts. */
  validator?: string | undefined;
  /** Bytes saved when this was taken; the adapter reads the real size when resuming. */
  bytes: number;
}

/** Integrity algorithms of the `integrity` option (Subresource Integrity syntax). */
export type IntegrityAlgorithm = 'sha256' | 'sha384' | 'sha512';

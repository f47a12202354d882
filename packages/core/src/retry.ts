import type { ResponseHeaders, RetryOptions } from '@dl/types';
import { type DownloadError, invalidArgument } from './errors';

/** The `retry` option, checked: how many retries and how long before each. */
export interface RetryPolicy {
  limit: number;
  /** Milliseconds before retry `n` (1-based); `undefined`: do not retry (Retry-After too long). */
  delay(retry: number, header?: ResponseHeaders): number | undefined;
}

const DEFAULT_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** Statuses worth asking again: the server says later (408, 429) or failed (5xx). */
export function isRetryableStatus(statusCode: number): boolean {
  return statusCode === 408 || statusCode === 429 || (statusCode >= 500 && statusCode <= 599);
}

/** Failures worth another attempt: the network's. Never an abort, timeout, bad input, integrity or size. */
export function isRetryableError(error: DownloadError): boolean {
  return error.code === 'NETWORK';
}

/** `Retry-After` in milliseconds from now (delay-seconds or an HTTP date), or undefined. */
export function retryAfterMs(
  header: ResponseHeaders | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = header?.['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isMs = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Checks the `retry` option; `undefined` when none was asked for. */
export function toRetryPolicy(
  option: number | RetryOptions | undefined,
): RetryPolicy | DownloadError | undefined {
  if (option === undefined || option === null) return undefined;
  const options: Partial<RetryOptions> = typeof option === 'number' ? { limit: option } : option;
  if (typeof options !== 'object' || !isCount(options.limit)) {
    return invalidArgument('invalid retry: limit must be an integer >= 0');
  }
  const { backoff = DEFAULT_BACKOFF_MS, maxRetryAfter = DEFAULT_MAX_RETRY_AFTER_MS } = options;
  if (typeof backoff !== 'function' && !isMs(backoff)) {
    return invalidArgument('invalid retry: backoff must be milliseconds >= 0 or a function');
  }
  if (!isMs(maxRetryAfter)) return invalidArgument('invalid retry: maxRetryAfter must be milliseconds >= 0');
  return {
    limit: options.limit,
    delay(retry, header) {
      const asked = retryAfterMs(header);
      if (asked !== undefined) return asked <= maxRetryAfter ? asked : undefined;
      if (typeof backoff === 'function') {
        const ms = backoff(retry);
        return isMs(ms) ? ms : 0;
      }
      return Math.min(backoff * 2 ** (retry - 1), Math.max(backoff, MAX_BACKOFF_MS));
    },
  };
}

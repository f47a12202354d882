import type { AdapterInfo, DownloadFileOptions, ResumeData } from '@dl/types';
import { DownloadError, ERRNO, invalidArgument } from './errors';
import { type IntegrityCheck, parseIntegrity } from './integrity';
import { checkResumeData } from './resume';
import { type RetryPolicy, toRetryPolicy } from './retry';
import { parseHttpUrl } from './url';

/** WeChat's default deadline. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** The largest delay timers accept; longer deadlines are as good as none. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Options after validation: what a platform driver may rely on. */
export interface ValidatedOptions {
  /** Absolute http(s) URL. */
  url: string;
  header: Record<string, string>;
  /** Milliseconds; 0 means no deadline. */
  timeout: number;
  filePath?: string;
  retry?: RetryPolicy;
  integrity?: IntegrityCheck;
  /** Largest accepted size in bytes; Infinity when the caller set none. */
  maxBytes: number;
  progressInterval: number;
  progressStep: number;
  resumeData?: ResumeData;
}

// RFC 9110 token characters: what a header name may contain.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// RFC 9110 field values: visible Latin-1 text, spaces and tabs; no controls (C0, DEL, C1).
const HEADER_VALUE = /^[\t\u0020-\u007e\u00a0-\u00ff]*$/;
const CALLBACKS = ['success', 'fail', 'complete'] as const;
/** The options the contract names; any other is the adapter's (`DownloadJob.extra`). */
const CONTRACT_OPTIONS = [
  'url',
  'header',
  'timeout',
  'filePath',
  'signal',
  'retry',
  'integrity',
  'maxBytes',
  'progressInterval',
  'progressStep',
  'resumeData',
  ...CALLBACKS,
];

const isNumberAtLeast = (value: unknown, min: number): value is number =>
  typeof value === 'number' && !Number.isNaN(value) && value >= min;

/** The caller's options the contract does not name, as given. */
export function extraOptions(options: object): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const name of Object.keys(options)) {
    if (CONTRACT_OPTIONS.indexOf(name) < 0) extra[name] = (options as Record<string, unknown>)[name];
  }
  return extra;
}

/**
 * Checks the options a caller passed, returning either what the driver needs or the error the task fails
 * with. `baseUrl` resolves relative URLs (the page's address on the web); without it they are invalid.
 */
export function validateOptions(
  options: DownloadFileOptions | undefined,
  baseUrl?: string,
  adapter?: Pick<AdapterInfo, 'name' | 'capabilities' | 'reasons'>,
): ValidatedOptions | DownloadError {
  if (options === null || typeof options !== 'object') return invalidArgument('options must be an object');
  const { url, header, timeout, filePath, signal } = options;

  if (typeof url !== 'string' || url.trim() === '') return invalidArgument('invalid url');
  // Messages never quote the URL: it may carry a token in its query.
  const parsed = parseHttpUrl(url, baseUrl);
  if (parsed === 'scheme') return invalidArgument('url scheme is invalid', ERRNO.URL_SCHEME_INVALID);
  if (parsed === 'credentials') {
    return invalidArgument(
      'invalid url: credentials in the url are not supported, send an Authorization header',
    );
  }
  if (parsed === 'invalid') return invalidArgument('invalid url');

  const headers: Record<string, string> = {};
  if (header !== undefined && header !== null) {
    if (typeof header !== 'object' || Array.isArray(header)) return invalidArgument('invalid header');
    for (const name of Object.keys(header)) {
      const raw: unknown = (header as Record<string, unknown>)[name];
      if (raw === undefined || raw === null) continue;
      if (!HEADER_NAME.test(name)) return invalidArgument(`invalid header name: ${JSON.stringify(name)}`);
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
        return invalidArgument(`invalid header value for ${name}: must be a string, number or boolean`);
      }
      const value = String(raw);
      // Controls would let a value smuggle extra headers in; HTTP header values are Latin-1. The value
      // itself is never quoted: it may be a secret.
      if (!HEADER_VALUE.test(value)) return invalidArgument(`invalid header value for ${name}`);
      headers[name] = value;
    }
  }

  let deadline = DEFAULT_TIMEOUT_MS;
  if (timeout !== undefined) {
    if (typeof timeout !== 'number' || Number.isNaN(timeout) || timeout < 0) {
      return invalidArgument('invalid timeout: must be a number of milliseconds >= 0');
    }
    deadline = timeout > MAX_TIMER_MS ? 0 : timeout;
  }

  if (filePath !== undefined && (typeof filePath !== 'string' || filePath === '')) {
    return invalidArgument('invalid filePath');
  }
  if (
    signal !== undefined &&
    (signal === null || typeof signal !== 'object' || typeof signal.addEventListener !== 'function')
  ) {
    return invalidArgument('invalid signal: must be an AbortSignal');
  }
  for (const name of CALLBACKS) {
    const fn = options[name];
    if (fn !== undefined && typeof fn !== 'function') return invalidArgument(`${name} must be a function`);
  }

  const { maxBytes = Number.POSITIVE_INFINITY, progressInterval = 0, progressStep = 1 } = options;
  if (!isNumberAtLeast(maxBytes, 0))
    return invalidArgument('invalid maxBytes: must be a number of bytes >= 0');
  if (!isNumberAtLeast(progressInterval, 0)) {
    return invalidArgument('invalid progressInterval: must be a number of milliseconds >= 0');
  }
  if (!isNumberAtLeast(progressStep, 1) || progressStep > 100) {
    return invalidArgument('invalid progressStep: must be a percent from 1 to 100');
  }
  const retry = toRetryPolicy(options.retry);
  if (retry instanceof DownloadError) return retry;
  const integrity = parseIntegrity(options.integrity);
  if (integrity instanceof DownloadError) return integrity;
  if (integrity && adapter && !adapter.capabilities.integrity) {
    // The manifest's reason says what to do about it (a hasher to import, a secure page).
    const reason = adapter.reasons?.integrity;
    return invalidArgument(`integrity is not supported on ${adapter.name}${reason ? `: ${reason}` : ''}`);
  }
  const resumeData = adapter
    ? checkResumeData(options.resumeData, { adapter: adapter.name, url: parsed.href, filePath })
    : undefined;
  if (resumeData instanceof DownloadError) return resumeData;

  const result: ValidatedOptions = {
    url: parsed.href,
    header: headers,
    timeout: deadline,
    maxBytes,
    progressInterval,
    progressStep,
  };
  if (filePath !== undefined) result.filePath = filePath;
  if (retry) result.retry = retry;
  if (integrity) result.integrity = integrity;
  if (resumeData) result.resumeData = resumeData;
  return result;
}

import {
  abortError,
  type DownloadError,
  ERRNO,
  errorMessage,
  fileSystemError,
  invalidArgument,
  networkError,
  timeoutError,
  tooManyRedirects,
} from '@dl/core';

/**
 * What a platform's `fail` callback may carry: WeChat family (`errMsg`, `errno`), Douyin (`errMsg`, `errNo`
 * as its typings spell it), or Alipay (`error`, `errorMessage`).
 */
export interface PlatformFailResult {
  errMsg?: string;
  errno?: number;
  /** Douyin's spelling of `errno`. */
  errNo?: number;
  errCode?: number;
  error?: number;
  errorMessage?: string;
}

type Kind =
  | 'network'
  | 'invalid-argument'
  | 'url-scheme'
  | 'too-many-redirects'
  | 'file-system'
  | 'timeout'
  | 'abort'
  | 'busy';

/**
 * WeChat's errno values (shared by tt, swan, qq) and what each means for the contract. 600007 is
 * "too many tasks at once": the adapter waits and tries again instead of failing the task.
 */
export const WX_ERRNO_KINDS: Readonly<Record<number, Kind>> = {
  5: 'timeout', // general API timeout
  600000: 'network', // unknown network error
  600001: 'network', // network error (connection refused, reset, DNS)
  600002: 'invalid-argument', // url not in the domain list
  600003: 'network', // network interrupted
  600005: 'url-scheme', // url scheme is invalid
  600007: 'busy', // exceed max task count
  600008: 'too-many-redirects',
  600009: 'invalid-argument', // invalid url
  603300: 'file-system', // download: file system error
  603301: 'file-system', // download: file too large
  603303: 'file-system', // download: no such directory
};

/**
 * Alipay's numeric `error` values: 2 bad parameter, 11 no permission for the domain, 12 network error,
 * 13 timeout, 14 decoding failed, 19 HTTP error, 20 request stopped or throttled (tried again).
 */
export const ALIPAY_ERROR_KINDS: Readonly<Record<number, Kind>> = {
  2: 'invalid-argument',
  11: 'network',
  12: 'network',
  13: 'timeout',
  14: 'network',
  19: 'network',
  20: 'busy',
};

/**
 * Whatever a platform call threw or rejected with, read as a fail result: a fail-shaped object as it is,
 * anything else (an Error, perhaps of another realm: read by shape, not instanceof) by its message.
 */
export function asFailResult(thrown: unknown): PlatformFailResult {
  const shaped = thrown !== null && typeof thrown === 'object' ? (thrown as Record<string, unknown>) : {};
  return 'errMsg' in shaped || 'errorMessage' in shaped
    ? (shaped as PlatformFailResult)
    : { errMsg: errorMessage(thrown) };
}

/** The platform's reason without its `downloadFile:fail ` prefix. */
export function failReason(raw: PlatformFailResult | undefined): string {
  const text = raw?.errorMessage ?? raw?.errMsg ?? '';
  const reason = String(text)
    .replace(/^[A-Za-z]+:fail ?/, '')
    .trim();
  return reason || 'unknown error';
}

/** The platform's numeric code: WeChat's `errno`, Douyin's `errNo`, or the older `errCode`. */
function platformErrno(raw: PlatformFailResult | undefined): number | undefined {
  return raw?.errno ?? raw?.errNo ?? raw?.errCode;
}

// The reason names the failure more precisely than a numeric code when platforms reuse codes.
const REASON_KINDS: Array<[RegExp, Kind]> = [
  [/too many redirects/i, 'too-many-redirects'],
  [/scheme/i, 'url-scheme'],
  [/no such (file|directory)|not exist|permission denied|no space|file system|max file size/i, 'file-system'],
  [/time(d)? ?out/i, 'timeout'],
  [/max task count|too many (tasks|requests)/i, 'busy'],
];

function kindOf(raw: PlatformFailResult | undefined, reason: string): Kind {
  const byReason = REASON_KINDS.find(([pattern]) => pattern.test(reason))?.[1];
  if (typeof raw?.error === 'number') return (byReason ?? ALIPAY_ERROR_KINDS[raw.error] ?? 'network') as Kind;
  const errno = platformErrno(raw);
  if (typeof errno === 'number' && WX_ERRNO_KINDS[errno]) return WX_ERRNO_KINDS[errno]!;
  if (/^abort/i.test(reason)) return 'abort';
  return byReason ?? 'network';
}

/** A platform failure, normalised: the contract's error, and whether waiting and retrying may help. */
export interface PlatformFailure {
  error: DownloadError;
  /** The platform ran out of task slots (WeChat 600007): try again after a short wait. */
  busy: boolean;
}

/**
 * Turns a platform's `fail` result into the contract's error: code from the errno table (or Alipay's
 * `error`), errno as the contract lists it (NETWORK is always 600000; file-system errnos are kept).
 */
export function toPlatformFailure(raw: PlatformFailResult | undefined): PlatformFailure {
  const reason = failReason(raw);
  const kind = kindOf(raw, reason);
  const errno = platformErrno(raw);
  switch (kind) {
    case 'timeout':
      return { error: timeoutError(), busy: false };
    case 'abort':
      return { error: abortError(), busy: false };
    case 'too-many-redirects':
      return { error: tooManyRedirects(), busy: false };
    case 'url-scheme':
      return { error: invalidArgument('url scheme is invalid', ERRNO.URL_SCHEME_INVALID), busy: false };
    case 'invalid-argument':
      return { error: invalidArgument(reason), busy: false };
    case 'file-system':
      return { error: fileSystemError(reason, fileSystemErrno(errno, reason)), busy: false };
    case 'busy':
      return { error: networkError(reason), busy: true };
    default:
      return { error: networkError(reason), busy: false };
  }
}

/** The download file-system errno to report: the platform's own when it is one, else from the reason. */
export function fileSystemErrno(errno: number | undefined, reason: string): number {
  if (errno !== undefined && errno >= 603300 && errno < 603400) return errno;
  return /no such|not exist/i.test(reason) ? ERRNO.FILE_SYSTEM_NO_DIR : ERRNO.FILE_SYSTEM;
}

/** A file-system manager's failure (saving into `filePath`, reading the size) as a FILE_SYSTEM error. */
export function toFileManagerError(raw: PlatformFailResult | undefined): DownloadError {
  const reason = failReason(raw);
  // WeChat's file-system errno 1300002 is "no such file or directory".
  const errno =
    platformErrno(raw) === 1300002 ? ERRNO.FILE_SYSTEM_NO_DIR : fileSystemErrno(undefined, reason);
  return fileSystemError(reason, errno);
}

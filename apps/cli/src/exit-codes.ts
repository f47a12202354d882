import type { DownloadErrorCode } from '@dl/types';

/** Exit status per failure, so scripts can branch on the kind of failure (documented in the README). */
export const EXIT = {
  OK: 0,
  USAGE: 2,
  NETWORK: 3,
  TIMEOUT: 4,
  FILE_SYSTEM: 5,
  TOO_MANY_REDIRECTS: 6,
  /** The file's hash is not the one `--integrity` expected (nothing is saved). */
  INTEGRITY: 9,
  /** The file is larger than `--max-bytes` allows (nothing is saved). */
  TOO_LARGE: 10,
  /** The download completed but the server answered 4xx/5xx (the body is still saved). */
  HTTP_ERROR: 8,
  /** Interrupted with Ctrl-C (128 + SIGINT). */
  ABORTED: 130,
  /** Stopped by a signal: 128 + its number (SIGHUP 129, SIGINT 130, SIGTERM 143). */
  SIGNAL_BASE: 128,
} as const;

export function exitCodeFor(code: DownloadErrorCode): number {
  switch (code) {
    case 'INVALID_ARGUMENT':
      return EXIT.USAGE;
    case 'NETWORK':
      return EXIT.NETWORK;
    case 'TIMEOUT':
      return EXIT.TIMEOUT;
    case 'FILE_SYSTEM':
      return EXIT.FILE_SYSTEM;
    case 'TOO_MANY_REDIRECTS':
      return EXIT.TOO_MANY_REDIRECTS;
    case 'INTEGRITY':
      return EXIT.INTEGRITY;
    case 'TOO_LARGE':
      return EXIT.TOO_LARGE;
    case 'ABORTED':
      return EXIT.ABORTED;
  }
}

import type { DownloadJob } from '@dl/core';
import { invalidArgument } from '@dl/core';

/**
 * Whether cookies and HTTP authentication go with a request: fetch's `RequestCredentials`, spelled out so
 * the published types need no DOM library (a mini-program project's TypeScript has none).
 */
export type H5Credentials = 'omit' | 'same-origin' | 'include';

export const CREDENTIALS: readonly H5Credentials[] = ['omit', 'same-origin', 'include'];

// Typed, but not yet checked: a caller in plain JavaScript may pass anything.
export const isCredentials = (value: unknown): value is H5Credentials =>
  CREDENTIALS.includes(value as H5Credentials);

/** h5's own option: what the driver receives as the job's `extra`. */
export interface H5Extra {
  credentials?: H5Credentials;
}

/** The credentials mode for one job: its own `credentials` option, else the downloader's default. */
export function credentialsFor(job: DownloadJob<H5Extra>, fallback: H5Credentials): H5Credentials {
  const asked: unknown = job.extra.credentials;
  if (asked === undefined) return fallback;
  if (!isCredentials(asked))
    throw invalidArgument(`invalid credentials: must be one of ${CREDENTIALS.join(', ')}`);
  return asked;
}

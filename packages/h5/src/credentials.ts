import type { DownloadJob } from '@dl/core';
import { invalidArgument } from '@dl/core';

const VALID: readonly RequestCredentials[] = ['omit', 'same-origin', 'include'];

/** h5's own option: what the driver receives as the job's `extra`. */
export interface H5Extra {
  credentials?: RequestCredentials;
}

/** The credentials mode for one job: its own `credentials` option, else the downloader's default. */
export function credentialsFor(job: DownloadJob<H5Extra>, fallback: RequestCredentials): RequestCredentials {
  // Typed, but not yet checked: a caller in plain JavaScript may pass anything.
  const asked: unknown = job.extra.credentials;
  if (asked === undefined) return fallback;
  if (!VALID.includes(asked as RequestCredentials)) {
    throw invalidArgument(`invalid credentials: must be one of ${VALID.join(', ')}`);
  }
  return asked as RequestCredentials;
}

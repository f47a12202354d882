import type { DownloadJob } from '@dl/core';
import { invalidArgument } from '@dl/core';

const VALID: readonly RequestCredentials[] = ['omit', 'same-origin', 'include'];

/** The credentials mode for one job: its own `credentials` option, else the downloader's default. */
export function credentialsFor(job: DownloadJob, fallback: RequestCredentials): RequestCredentials {
  const asked = (job.options as { credentials?: unknown }).credentials;
  if (asked === undefined) return fallback;
  if (!VALID.includes(asked as RequestCredentials)) {
    throw invalidArgument(`invalid credentials: must be one of ${VALID.join(', ')}`);
  }
  return asked as RequestCredentials;
}

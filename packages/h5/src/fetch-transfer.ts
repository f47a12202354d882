import { streamResponse, toAbortSignal } from '@dl/core/fetch';
import type { Transfer } from './transfer-driver';

/**
 * The web platform where response bodies stream: fetch with the job's signal (abort, timeout), headers
 * as soon as the response starts, progress per chunk read from `response.body`, bytes into the target.
 * Redirects are fetch's own (it follows up to 20 and hides the count).
 */
export const fetchTransfer: Transfer = async (job, target, credentials) => {
  const response = await fetch(job.url, {
    method: 'GET',
    headers: { ...job.header },
    credentials,
    redirect: 'follow',
    signal: toAbortSignal(job.signal),
  });
  return streamResponse(response, target, job);
};

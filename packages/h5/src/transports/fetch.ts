import { continuesAt, expectedBodyLength, headersToRecord } from '@dl/core';
import { readerChunks } from './body-chunks';
import { pumpBody } from './pump-body';
import type { Transfer } from './transfer';

/**
 * The web platform where response bodies stream: fetch, headers as soon as the response starts, progress
 * per chunk read from `response.body`, bytes into the target. Redirects are fetch's own (it follows up to
 * 20 and hides the count). A continuing request carries core's `Range` and `If-Range` (the latter is
 * not CORS-safelisted: cross-origin, the server must allow it in its preflight answer).
 *
 * Stopping: the request's own signal aborts it at any point (some browsers, Firefox among them, keep the
 * connection open when only the body's reader is cancelled), and the reader is cancelled and awaited too
 * (pumpBody), so the task settles — and frees its queue slot — only once fetch has let go of the request.
 */
export const fetchTransfer: Transfer = async (job, target, credentials) => {
  const controller = new AbortController();
  const stopRequest = () => controller.abort(job.signal.reason);
  if (job.signal.aborted) throw job.signal.reason;
  job.signal.addEventListener('abort', stopRequest, { once: true });
  try {
    const response = await fetch(job.url, {
      method: 'GET',
      headers: { ...job.header },
      credentials,
      redirect: 'follow',
      signal: controller.signal,
    });
    const header = headersToRecord(response.headers);
    let offset: number;
    try {
      // A 206 continuing the saved bytes goes after them; anything else replaces them.
      offset = continuesAt(job, response.status, header);
      await target.startAt(offset);
    } catch (error) {
      await response.body?.cancel(error).catch(() => {});
      throw error;
    }
    job.headers(response.status, header);
    if (job.signal.aborted) {
      await response.body?.cancel(job.signal.reason).catch(() => {});
      throw job.signal.reason;
    }
    const length = expectedBodyLength(header);
    const expected = length > 0 ? offset + length : 0;
    let dataLength = offset;
    if (response.body) {
      // The target writes at its own position (after startAt): the chunk's place in the file is not needed.
      const chunks = readerChunks(response.body);
      dataLength = await pumpBody(chunks, (chunk) => target.write(chunk), job, expected, offset);
    }
    return { statusCode: response.status, header, dataLength };
  } finally {
    job.signal.removeEventListener('abort', stopRequest);
  }
};

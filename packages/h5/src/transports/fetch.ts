import { expectedBodyLength, headersToRecord, pumpBody } from '@dl/core';
import { readerChunks } from './body-chunks';
import type { Transfer } from './transfer';

/**
 * The web platform where response bodies stream: fetch, headers as soon as the response starts, progress
 * per chunk read from `response.body`, bytes into the target. Redirects are fetch's own (it follows up to
 * 20 and hides the count).
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
    job.headers(response.status, header);
    if (job.signal.aborted) {
      await response.body?.cancel(job.signal.reason).catch(() => {});
      throw job.signal.reason;
    }
    let dataLength = 0;
    if (response.body) {
      const chunks = readerChunks(response.body);
      try {
        dataLength = await pumpBody(chunks, (chunk) => target.write(chunk), job, expectedBodyLength(header));
      } finally {
        chunks.release();
      }
    }
    return { statusCode: response.status, header, dataLength };
  } finally {
    job.signal.removeEventListener('abort', stopRequest);
  }
};

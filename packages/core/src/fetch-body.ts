import type { ResponseHeaders } from '@dl/types';
import type { DownloadJob } from './driver';
import { type DownloadError, isDownloadError, networkError } from './errors';
import { headersToRecord } from './headers';

/**
 * The size progress events announce: Content-Length, unless the body is content-encoded (the platform
 * decodes it, so the length counts bytes nobody will see) or the length is missing or malformed: then 0.
 */
export function expectedBodyLength(header: ResponseHeaders): number {
  const encoding = header['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') return 0;
  const length = header['content-length'];
  if (length === undefined || !/^\d+$/.test(length.trim())) return 0;
  return Number(length);
}

/** Where streamed bytes go: a file, an OPFS writable, a list of chunks. */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

/**
 * Streams a fetch body into a sink, reporting progress to the job after every chunk, and stops reading
 * as soon as the job's signal aborts. Returns the number of bytes written.
 * A body that ends early (connection cut) rejects with the reader's error, which callers map to NETWORK.
 */
export async function pumpBody(
  body: ReadableStream<Uint8Array>,
  sink: ByteSink,
  job: DownloadJob,
  expected: number,
): Promise<number> {
  const reader = body.getReader();
  const cancel = () => {
    reader.cancel(job.signal.reason).catch(() => {});
  };
  job.signal.addEventListener('abort', cancel, { once: true });
  let written = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (job.signal.aborted) throw job.signal.reason;
      await sink.write(value);
      written += value.byteLength;
      job.progress(written, expected);
    }
    if (job.signal.aborted) throw job.signal.reason;
    return written;
  } finally {
    job.signal.removeEventListener('abort', cancel);
    reader.releaseLock?.();
  }
}

/**
 * A fetch response into a sink: the headers event with the response's status and lower-case headers,
 * then the body with progress against its length (unknown when encoded or missing).
 */
export async function streamResponse(
  response: Response,
  sink: ByteSink,
  job: DownloadJob,
): Promise<{ statusCode: number; header: ResponseHeaders; dataLength: number }> {
  const header = headersToRecord(response.headers);
  job.headers(response.status, header);
  const dataLength = response.body ? await pumpBody(response.body, sink, job, expectedBodyLength(header)) : 0;
  return { statusCode: response.status, header, dataLength };
}

/**
 * Maps whatever a fetch or body read threw to the task's error: the abort/timeout reason when the job
 * was stopped, a DownloadError as it is, anything else NETWORK with the platform's reason.
 */
export function toDownloadError(error: unknown, job: DownloadJob): DownloadError {
  if (job.signal.aborted && isDownloadError(job.signal.reason)) return job.signal.reason;
  if (isDownloadError(error)) return error;
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const reason = cause?.message ?? cause?.code ?? (error instanceof Error ? error.message : String(error));
  return networkError(reason, error);
}

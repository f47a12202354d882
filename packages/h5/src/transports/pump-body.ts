import type { DownloadJob } from '@dl/core';

/** Where streamed bytes go: a file, an OPFS writable, a list of chunks. */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

/**
 * Streams a fetch body into a sink after `offset` bytes already saved, reporting progress (the whole
 * file so far) to the job after every chunk, and stops reading as soon as the job's signal aborts.
 * Returns the size of the file: `offset` plus the bytes written.
 * A body that ends early (connection cut) rejects with the reader's error, which callers map to NETWORK.
 */
export async function pumpBody(
  body: ReadableStream<Uint8Array>,
  sink: ByteSink,
  job: DownloadJob,
  offset: number,
  expected: number,
): Promise<number> {
  const reader = body.getReader();
  let cancelled: Promise<void> | undefined;
  const cancel = () => {
    cancelled ??= reader.cancel(job.signal.reason).catch(() => {});
    return cancelled;
  };
  job.signal.addEventListener('abort', cancel, { once: true });
  let written = offset;
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
  } catch (error) {
    // Settle only once the transport let go of the request: the task's queue slot is freed when this
    // rejects, and a slot freed while the old connection is still open lets more requests run than the
    // limit says. Any failure cancels the body, so the connection never outlives the download.
    await cancel();
    throw error;
  } finally {
    job.signal.removeEventListener('abort', cancel);
    reader.releaseLock?.();
  }
}

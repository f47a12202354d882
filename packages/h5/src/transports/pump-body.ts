import type { DownloadJob } from '@dl/core';

/** A response body read chunk by chunk (a fetch body's reader: `readerChunks`). */
export interface BodyChunks {
  /** The next chunk, or `undefined` once the body has ended. */
  next(): Promise<Uint8Array | undefined>;
  /**
   * Lets go of the request (cancels the body, closes the connection); called again, it does nothing
   * more. It never throws, and a promise it returns (awaited before a failed pump rethrows) never rejects.
   */
  stop(reason: unknown): void | Promise<void>;
}

/**
 * Streams a body into `write` (each chunk with its position in the file), reporting progress to the job
 * after every chunk, and stops the body as soon as the job's signal aborts. `offset`: bytes already in
 * the file (a continued download); positions and progress count from there. Returns the file's length. Any failure (a cut body, a
 * failed write, the abort's reason) stops the body and is rethrown once the request is let go of: the
 * task's queue slot is freed when this rejects, and a slot freed while the old connection is still open
 * lets more requests run than the limit says.
 */
export async function pumpBody(
  body: BodyChunks,
  write: (chunk: Uint8Array, position: number) => void | Promise<void>,
  job: Pick<DownloadJob, 'signal' | 'progress'>,
  expected: number,
  offset = 0,
): Promise<number> {
  const stopOnAbort = () => {
    void body.stop(job.signal.reason);
  };
  job.signal.addEventListener('abort', stopOnAbort, { once: true });
  let written = offset;
  try {
    for (let chunk = await body.next(); chunk !== undefined; chunk = await body.next()) {
      if (job.signal.aborted) throw job.signal.reason;
      await write(chunk, written);
      written += chunk.byteLength;
      job.progress(written, expected);
    }
    if (job.signal.aborted) throw job.signal.reason;
    return written;
  } catch (error) {
    await body.stop(error);
    throw error;
  } finally {
    job.signal.removeEventListener('abort', stopOnAbort);
  }
}

import type { Hash } from 'node:crypto';
import { finished } from 'node:stream';
import { type DownloadJob, expectedBodyLength } from '@dl/core';
import type { NodeResponse } from './http';
import type { PartFile } from './part-file';

/**
 * Bytes received but not yet on disk before the body is paused. The network and the disk work at the
 * same time: while one write is in flight the next chunks gather, and go down in one writev.
 */
export const MAX_PENDING_BYTES = 1024 * 1024;

/**
 * The decoded body into the part file from `offset`, progress after every write (and into `hash`,
 * when one is asked for); an abort closes the connection and stops at once. A cut connection or a
 * corrupt encoding rejects (NETWORK), a failed write rejects with FILE_SYSTEM. It settles only once no
 * write is in flight, so the caller may close the file at once.
 */
export function pump(
  response: NodeResponse,
  file: PartFile,
  job: DownloadJob,
  offset: number,
  hash: Hash | undefined,
): Promise<number> {
  const body = response.body;
  const length = expectedBodyLength(response.header);
  const expected = length > 0 ? offset + length : 0;
  return new Promise((resolve, reject) => {
    let written = offset;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let writing = false;
    let ended = false;
    let settled = false;
    let failure: { error: unknown } | undefined;
    let stopWatching = () => {};

    const settle = () => {
      if (settled || writing) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      body.off('data', onData);
      stopWatching();
      if (failure) {
        response.destroy(failure.error);
        reject(failure.error);
      } else resolve(written);
    };
    const fail = (error: unknown) => {
      failure ??= { error };
      settle();
    };
    const flush = () => {
      const chunks = pending;
      const bytes = pendingBytes;
      pending = [];
      pendingBytes = 0;
      writing = true;
      file.write(chunks, written).then(
        () => {
          writing = false;
          if (failure) return settle();
          written += bytes;
          job.progress(written, expected);
          if (job.signal.aborted) return fail(job.signal.reason);
          if (pending.length > 0) flush();
          else if (ended) settle();
          else body.resume();
        },
        (error: unknown) => {
          writing = false;
          fail(error);
        },
      );
    };
    const onData = (chunk: Uint8Array) => {
      if (failure) return;
      hash?.update(chunk);
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (!writing) flush();
      else if (pendingBytes >= MAX_PENDING_BYTES) body.pause();
    };
    const onAbort = () => {
      response.destroy(job.signal.reason);
      fail(job.signal.reason);
    };

    if (job.signal.aborted) return onAbort();
    job.signal.addEventListener('abort', onAbort, { once: true });
    body.on('data', onData);
    // finished() also reports a body that failed or closed before this call (while the file was opening):
    // an error, or a close before the end (premature close), is a cut body.
    stopWatching = finished(body, (error) => {
      if (error) return fail(error);
      ended = true;
      if (failure || writing) return;
      if (pending.length > 0) flush();
      else settle();
    });
  });
}

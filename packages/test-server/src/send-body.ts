import type { ServerResponse } from 'node:http';
import type { LoggedRequest } from './scenarios/log';

export interface SendLimits {
  /** After this many bytes, send nothing more but keep the connection open. */
  stallAt?: number | undefined;
  /** After this many bytes, destroy the socket. */
  cutAt?: number | undefined;
}

function writeChunk(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    // Resolve on flush or on close, so a client that leaves never leaves the sender waiting.
    const done = () => {
      res.off('close', done);
      resolve();
    };
    res.once('close', done);
    res.write(chunk, done);
  });
}

/**
 * Writes the chunks to the response one flushed write at a time (backpressure), counting what was sent
 * in the log entry, and stalls or cuts the connection where the scenario says.
 */
export async function sendBody(
  res: ServerResponse,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  entry: LoggedRequest,
  limits: SendLimits,
  markServerCut: () => void,
): Promise<void> {
  const limit = limits.cutAt ?? limits.stallAt;
  for await (const chunk of chunks) {
    if (res.destroyed) return;
    let piece = chunk;
    const reachesLimit = limit !== undefined && entry.bytesSent + piece.byteLength >= limit;
    if (reachesLimit) piece = piece.subarray(0, limit - entry.bytesSent);
    if (piece.byteLength > 0) {
      await writeChunk(res, piece);
      if (res.destroyed) return;
      entry.bytesSent += piece.byteLength;
    }
    if (reachesLimit) {
      if (limits.cutAt !== undefined) {
        markServerCut();
        res.socket?.destroy();
      }
      // A stall just stops here: the connection stays open until the client gives up or the server closes.
      return;
    }
  }
  if (!res.destroyed) res.end();
}

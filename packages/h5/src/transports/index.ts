import { fetchTransfer } from './fetch';
import type { Transfer } from './transfer';
import { xhrTransfer } from './xhr';

/** How requests are made: `fetch` with a streamed body, or the `xhr` fallback. */
export type H5Transport = 'fetch' | 'xhr';

/** Whether fetch responses expose their body as a stream (every current browser; not some old ones). */
export function supportsStreamingFetch(): boolean {
  return (
    typeof fetch === 'function' &&
    typeof Response === 'function' &&
    'body' in Response.prototype &&
    typeof ReadableStream === 'function' &&
    typeof ReadableStream.prototype.getReader === 'function'
  );
}

/** The transport this runtime gets when the caller does not choose one. */
export function defaultTransport(): H5Transport {
  return supportsStreamingFetch() || typeof XMLHttpRequest !== 'function' ? 'fetch' : 'xhr';
}

/**
 * The transport of that name: how one request's body reaches the save target. Any other name (from plain
 * JavaScript) is a RangeError, thrown when the downloader is created.
 */
export function transportFor(transport: H5Transport): Transfer {
  if (transport === 'xhr') return xhrTransfer;
  if (transport === 'fetch') return fetchTransfer;
  throw new RangeError(`transport must be 'fetch' or 'xhr', got ${JSON.stringify(transport)}`);
}

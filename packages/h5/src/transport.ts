import type { DownloadDriver } from '@dl/core';
import type { H5Extra } from './credentials';
import { fetchTransfer } from './fetch-transfer';
import { type H5DriverConfig, transferDriver } from './transfer-driver';
import { xhrTransfer } from './xhr-transfer';

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

export function createH5Driver(transport: H5Transport, config: H5DriverConfig): DownloadDriver<H5Extra> {
  return transferDriver(transport === 'xhr' ? xhrTransfer : fetchTransfer, config);
}

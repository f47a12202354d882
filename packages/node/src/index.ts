/**
 * dl for Node.js: `downloadFile` with the whole DownloadTask contract, streaming to disk so memory does
 * not grow with the file's size.
 * @packageDocumentation
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BoundDownloader, bindDownloader, contractCapabilities } from '@dl/core';
import type { AdapterInfo, DownloadFile } from '@dl/types';
import { createNodeDriver } from './driver';

export { DownloadError, isDownloadError } from '@dl/core';
export type * from '@dl/types';

export interface NodeDownloaderOptions {
  /** Where downloads without `filePath` are saved. @default `join(os.tmpdir(), 'dl')` */
  tempDir?: string;
  /** Downloads that run at once; the rest wait. @default 10 */
  maxConcurrent?: number;
}

/** The default temporary directory for downloads without a `filePath`. */
export const defaultTempDir = () => join(tmpdir(), 'dl');

export const adapter: AdapterInfo = {
  name: 'node',
  capabilities: contractCapabilities(),
};

/** A `downloadFile` with its own queue and temporary directory. */
export function createDownloader(options: NodeDownloaderOptions = {}): BoundDownloader {
  const driver = createNodeDriver({ tempDir: options.tempDir ?? defaultTempDir() });
  return bindDownloader(driver, adapter, { maxConcurrent: options.maxConcurrent });
}

/** Downloads `options.url` to a temporary file or `options.filePath`. Shares one queue per process. */
export const downloadFile: DownloadFile = createDownloader().downloadFile;

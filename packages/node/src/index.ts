/**
 * dl for Node.js: `downloadFile` with the whole DownloadTask contract, streaming to disk so memory does
 * not grow with the file's size.
 * @packageDocumentation
 */
import { type BoundDownloader, bindDownloader, contractCapabilities } from '@dl/core';
import type { AdapterInfo, DownloadFile } from '@dl/types';
import { createNodeDriver } from './driver';
import { defaultTempDir } from './temp-dir';

export { DownloadError, isDownloadError } from '@dl/core';
export type * from '@dl/types';

export interface NodeDownloaderOptions {
  /**
   * Where downloads without `filePath` are saved (created if missing). @default `join(os.tmpdir(), 'dl-<uid>')`,
   * created with mode 0700 and refused (FILE_SYSTEM) when it is a symlink, not the user's own, or open to
   * group/others; temporary files in it are created with mode 0600.
   */
  tempDir?: string;
  /** Downloads that run at once; the rest wait. @default 10 */
  maxConcurrent?: number;
}

/** The default temporary directory for downloads without a `filePath`: private to the current user. */
export { defaultTempDir };

export const adapter: AdapterInfo = {
  name: 'node',
  capabilities: contractCapabilities(),
};

/** A `downloadFile` with its own queue and temporary directory. */
export function createDownloader(options: NodeDownloaderOptions = {}): BoundDownloader {
  const driver = createNodeDriver({
    tempDir: options.tempDir ?? defaultTempDir(),
    privateTempDir: options.tempDir === undefined,
  });
  return bindDownloader(driver, adapter, { maxConcurrent: options.maxConcurrent });
}

/** Downloads `options.url` to a temporary file or `options.filePath`. Shares one queue per process. */
export const downloadFile: DownloadFile = createDownloader().downloadFile;

import type { DownloadFile, DownloadFileOptions } from '@dl/types';
import type { DownloadDriver } from './driver';
import { ConcurrencyQueue, DEFAULT_MAX_CONCURRENT } from './queue';
import { createTask } from './task';

export interface DownloaderConfig {
  /** Downloads that run at once; the rest wait in arrival order. @default 10 */
  maxConcurrent?: number;
  /** Resolves relative URLs (the page's address on the web); without it they are invalid. */
  baseUrl?: () => string | undefined;
}

/** Builds an adapter's `downloadFile` from its platform driver. Each call has its own queue. */
export function createDownloadFile<Extra extends object>(
  driver: DownloadDriver<Extra>,
  config: DownloaderConfig = {},
): DownloadFile<Extra> {
  const queue = new ConcurrencyQueue(config.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
  // The task hands the driver the caller's other options as `extra`, typed by the adapter's `Extra`.
  const context = { driver: driver as DownloadDriver, queue, baseUrl: config.baseUrl };
  // One implementation for every overload of DownloadFile: the overloads only narrow the result's type.
  return ((options: DownloadFileOptions) => createTask(options, context)) as DownloadFile<Extra>;
}

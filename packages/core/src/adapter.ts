import type { AdapterCapabilities, AdapterInfo, DownloadFile, DownloadFileOptions } from '@dl/types';
import type { DownloadDriver } from './driver';
import { ConcurrencyQueue, DEFAULT_MAX_CONCURRENT } from './queue';
import { MAX_REDIRECTS } from './redirects';
import { createTask } from './task';

export interface DownloaderConfig {
  /** Downloads that run at once; the rest wait in arrival order. @default 10 */
  maxConcurrent?: number | undefined;
  /** Resolves relative URLs (the page's address on the web); without it they are invalid. */
  baseUrl?: (() => string | undefined) | undefined;
}

/** The manifest of an adapter that offers the whole contract; `overrides` names where it falls short. */
export function contractCapabilities(overrides: Partial<AdapterCapabilities> = {}): AdapterCapabilities {
  return {
    abort: true,
    headersReceived: true,
    progressUpdate: true,
    unknownSizeProgress: true,
    filePath: true,
    atomicFilePath: true,
    requestHeaders: true,
    abortSignal: true,
    maxRedirects: MAX_REDIRECTS,
    redirectLimit: true,
    maxConcurrent: DEFAULT_MAX_CONCURRENT,
    cookieHeader: true,
    decodingErrors: true,
    resume: true,
    persistentResume: true,
    integrity: true,
    ...overrides,
  };
}

/** What an adapter's `createDownloader` returns: a `downloadFile` with its own queue, and its manifest. */
export interface BoundDownloader<Extra extends object = object> {
  downloadFile: DownloadFile<Extra>;
  adapter: AdapterInfo;
}

/**
 * Binds a platform driver into a `downloadFile` with its own queue — each call of it creates one task
 * (task.ts) — and the adapter's manifest with the queue's real limit, so the manifest never claims a
 * concurrency the downloader does not have. An adapter's `createDownloader` is this, with its driver.
 */
export function bindDownloader<Extra extends object = object>(
  driver: DownloadDriver<Extra>,
  adapter: AdapterInfo,
  config: DownloaderConfig = {},
): BoundDownloader<Extra> {
  const maxConcurrent = config.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
  // The task hands the driver the caller's other options as `extra`, typed by the adapter's `Extra`.
  const context = {
    driver: driver as DownloadDriver,
    queue: new ConcurrencyQueue(maxConcurrent),
    adapter,
    baseUrl: config.baseUrl,
  };
  // One implementation for every overload of DownloadFile: the overloads only narrow the result's type.
  const downloadFile = ((options: DownloadFileOptions) =>
    createTask(options, context)) as DownloadFile<Extra>;
  return {
    downloadFile,
    adapter: { ...adapter, capabilities: { ...adapter.capabilities, maxConcurrent } },
  };
}

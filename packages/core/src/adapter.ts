import type { AdapterCapabilities, AdapterInfo, DownloadFile } from '@dl/types';
import { createDownloadFile, type DownloaderConfig } from './downloader';
import type { DownloadDriver } from './driver';
import { DEFAULT_MAX_CONCURRENT } from './queue';
import { MAX_REDIRECTS } from './redirects';

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
    ...overrides,
  };
}

/** What an adapter's `createDownloader` returns: a `downloadFile` with its own queue, and its manifest. */
export interface BoundDownloader<Extra extends object = object> {
  downloadFile: DownloadFile<Extra>;
  adapter: AdapterInfo;
}

/**
 * Binds a platform driver into a `downloadFile` with its own queue, and the adapter's manifest with the
 * queue's real limit, so the manifest never claims a concurrency the downloader does not have.
 */
export function bindDownloader<Extra extends object = object>(
  driver: DownloadDriver<Extra>,
  adapter: AdapterInfo,
  config: DownloaderConfig = {},
): BoundDownloader<Extra> {
  const maxConcurrent = config.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
  return {
    downloadFile: createDownloadFile(driver, { ...config, maxConcurrent }),
    adapter: { ...adapter, capabilities: { ...adapter.capabilities, maxConcurrent } },
  };
}

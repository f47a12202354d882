/**
 * dl for mini-programs: the platform's own `downloadFile` (WeChat `wx`, Alipay `my`, Douyin `tt`, Baidu
 * `swan`, QQ `qq`) with the whole DownloadTask contract: an awaitable task, typed errors, a queue, and the
 * platforms' differences smoothed out.
 * @packageDocumentation
 */
import { createDownloadFile, DEFAULT_MAX_CONCURRENT } from '@dl/core';
import type { AdapterInfo, DownloadTaskPromise } from '@dl/types';
import { createWeappDriver } from './driver';
import type { WeappDownloadFileOptions } from './options';
import { findGlobalPlatform, type MiniProgramPlatform } from './platform';

export { DownloadError, isDownloadError } from '@dl/core';
export type * from '@dl/types';
export { ALIPAY_ERROR_KINDS, normaliseFailure, type PlatformFailResult, WX_ERRNO_KINDS } from './errno';
export type { WeappDownloadFileOptions, WeappPlatformOptions } from './options';
export type { MiniProgramPlatform } from './platform';

/** `downloadFile` on mini-programs: the contract's options plus the platform's own (enableHttp2, …). */
export type WeappDownloadFile = (options: WeappDownloadFileOptions) => DownloadTaskPromise;

export interface WeappDownloaderOptions {
  /** Downloads that run at once; the rest wait. WeChat allows 10 network tasks in all. @default 10 */
  maxConcurrent?: number;
}

/** WeChat follows at most 15 redirects, and so does every platform of its family. */
const PLATFORM_MAX_REDIRECTS = 15;

export const adapter: AdapterInfo = {
  name: 'weapp',
  capabilities: {
    abort: true,
    headersReceived: true,
    progressUpdate: true,
    filePath: true,
    atomicFilePath: true,
    requestHeaders: true,
    abortSignal: true,
    maxRedirects: PLATFORM_MAX_REDIRECTS,
    redirectLimit: true,
    maxConcurrent: DEFAULT_MAX_CONCURRENT,
  },
  notes: [
    'WeChat counts requests, uploads and downloads together against its limit of 10; the queue keeps downloads within it and waits when other code holds the slots.',
    'Progress for a body of unknown size needs a client that reports bytes without a Content-Length; others give only the final event.',
    'filePath is written atomically through getFileSystemManager(); a platform object without one writes in place.',
  ],
};

/**
 * A `downloadFile` with its own queue, bound to a platform object (`wx`, `my`, `tt`, `swan`, `qq`, or any
 * `wx`-like object). Without one it uses the global platform object of the running mini-program.
 */
export function createDownloader(
  platform?: MiniProgramPlatform,
  options: WeappDownloaderOptions = {},
): { downloadFile: WeappDownloadFile; adapter: AdapterInfo } {
  const maxConcurrent = options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
  const driver = createWeappDriver({ platform: () => platform ?? findGlobalPlatform() });
  const atomicFilePath = platform ? typeof platform.getFileSystemManager === 'function' : true;
  return {
    downloadFile: createDownloadFile(driver, { maxConcurrent }) as WeappDownloadFile,
    adapter: { ...adapter, capabilities: { ...adapter.capabilities, maxConcurrent, atomicFilePath } },
  };
}

/** Downloads `options.url` with the mini-program's global `wx` (or `my`, `tt`, `swan`, `qq`). One queue per app. */
export const downloadFile: WeappDownloadFile = createDownloader().downloadFile;

/**
 * dl for mini-programs: the platform's own `downloadFile` (WeChat `wx`, Alipay `my`, Douyin `tt`, Baidu
 * `swan`, QQ `qq`) with the whole DownloadTask contract: an awaitable task, typed errors, a queue, and the
 * platforms' differences smoothed out.
 * @packageDocumentation
 */
import { bindDownloader, contractCapabilities } from '@dl/core';
import type { AdapterInfo, DownloadFile } from '@dl/types';
import { createWeappDriver } from './driver';
import { HASHER_NEEDED, type IntegrityHasher } from './hasher';
import type { WeappPlatformOptions } from './options';
import { findGlobalPlatform, type MiniProgramPlatform } from './platform';

export { DownloadError, isDownloadError } from '@dl/core';
export type * from '@dl/types';
// The errno tables and failure normalisation stay inside: users get the contract's codes.
export type { PlatformFailResult } from './errno';
export type { IntegrityHash, IntegrityHasher } from './hasher';
export type { WeappDownloadFileOptions, WeappPlatformOptions } from './options';
export type {
  MiniProgramPlatform,
  PlatformDownloadOptions,
  PlatformDownloadSuccess,
  PlatformDownloadTask,
  PlatformFileSystem,
  PlatformHeadersEvent,
  PlatformProgressEvent,
  PlatformReadFileResult,
} from './platform';

/**
 * `downloadFile` on mini-programs: the contract's options plus the platform's own (enableHttp2, …), the
 * result typed by whether `filePath` was given (see `DownloadFile`).
 */
export type WeappDownloadFile = DownloadFile<WeappPlatformOptions>;

export interface WeappDownloaderOptions {
  /**
   * The platform object to download with (`wx`, `my`, `tt`, `swan`, `qq`, or any `wx`-like object).
   * @default the running mini-program's global platform object, looked up when a download starts
   */
  platform?: MiniProgramPlatform | undefined;
  /** Downloads that run at once; the rest wait. WeChat allows 10 network tasks in all. @default 10 */
  maxConcurrent?: number | undefined;
  /**
   * Checks the `integrity` option: `sha2` from `@dl/weapp/integrity` (or any {@link IntegrityHasher}).
   * Without one, a download that asks for integrity fails with INVALID_ARGUMENT before any request.
   */
  hasher?: IntegrityHasher | undefined;
}

/** Why the platforms of this family cannot do what the contract offers elsewhere. */
const PLATFORM_REASONS = {
  unknownSizeProgress: "WeChat's client may send no progress events for a body without Content-Length",
  resume:
    "the platform's downloadFile keeps no bytes of a stopped download: pause() and retries start again from the first byte",
  persistentResume:
    "the platform's downloadFile keeps no bytes of a stopped download, so there is nothing to continue",
};

/**
 * The manifest of the default `downloadFile`. A downloader given a `hasher` (`createDownloader`) checks
 * integrity: its own manifest says so.
 */
export const adapter: AdapterInfo = {
  name: 'weapp',
  // WeChat follows at most 15 redirects, the contract's limit, and so does every platform of its family.
  // WeChat's own client may send no progress events at all for a body without Content-Length.
  // The default downloadFile has no hasher: integrity needs createDownloader({ hasher }).
  capabilities: contractCapabilities({
    unknownSizeProgress: false,
    resume: false,
    persistentResume: false,
    integrity: false,
  }),
  notes: [
    'WeChat counts requests, uploads and downloads together against its limit of 10; the queue keeps downloads within it and waits when other code holds the slots.',
    'Progress for a body of unknown size needs a client that reports bytes without a Content-Length; others give only the final event.',
    'filePath is written atomically through getFileSystemManager(); a platform object without one writes in place.',
    "The platform's downloadFile keeps no bytes of a stopped download, so pause() and retries start again from the first byte.",
    'integrity takes an opt-in hasher (createDownloader({ hasher })): SHA-2 in JavaScript over the saved file, read back.',
  ],
  reasons: { ...PLATFORM_REASONS, integrity: HASHER_NEEDED },
};

/**
 * A `downloadFile` with its own queue, bound to `options.platform` (`wx`, `my`, `tt`, `swan`, `qq`, or any
 * `wx`-like object). Without one it uses the global platform object of the running mini-program.
 */
export function createDownloader(options: WeappDownloaderOptions = {}): {
  downloadFile: WeappDownloadFile;
  adapter: AdapterInfo;
} {
  const { platform, hasher } = options;
  const driver = createWeappDriver({ platform: () => platform ?? findGlobalPlatform(), hasher });
  const atomicFilePath = platform ? typeof platform.getFileSystemManager === 'function' : true;
  const integrity = hasher !== undefined;
  const bound = bindDownloader(
    driver,
    {
      ...adapter,
      capabilities: { ...adapter.capabilities, atomicFilePath, integrity },
      reasons: {
        ...PLATFORM_REASONS,
        ...(integrity ? {} : { integrity: HASHER_NEEDED }),
        ...(atomicFilePath ? {} : { atomicFilePath: 'the platform object has no getFileSystemManager()' }),
      },
    },
    { maxConcurrent: options.maxConcurrent },
  );
  return { downloadFile: bound.downloadFile, adapter: bound.adapter };
}

/** Downloads `options.url` with the mini-program's global `wx` (or `my`, `tt`, `swan`, `qq`). One queue per app. */
export const downloadFile: WeappDownloadFile = createDownloader().downloadFile;

import type { H5DownloaderOptions, H5DownloadFileOptions } from '@dl/h5';
import type { DownloadFile, DownloadTaskPromise } from '@dl/types';
import type { IntegrityHasher, MiniProgramPlatform, WeappPlatformOptions } from '@dl/weapp';

/**
 * Every target's own options, in one type: the mini-program platforms' (`enableHttp2`, `enableQuic`,
 * `enableProfile`, `enableCache`, `enableHttpDNS`, `httpDNSServiceId`: WeChat's; passed to the platform,
 * ignored elsewhere) and h5's `credentials` (the browser's credentials mode; ignored elsewhere).
 */
export type TaroPlatformOptions = WeappPlatformOptions & Pick<H5DownloadFileOptions, 'credentials'>;

/** `downloadFile` in a Taro app: the contract's options plus every target's own. */
export type TaroDownloadFile = DownloadFile<TaroPlatformOptions>;

/** `createDownloader`'s options: each applies on the targets it names and is ignored on the others. */
export interface TaroDownloaderOptions {
  /** Downloads that run at once; the rest wait. @default 10 */
  maxConcurrent?: number | undefined;
  /**
   * Mini-program builds: the `wx`-like object to download with.
   * @default the running mini-program's own (`wx`, `my`, `tt`, `swan`, `qq`, …)
   */
  platform?: MiniProgramPlatform | undefined;
  /**
   * Mini-program builds: checks the `integrity` option — `sha2` from `@dl/taro/integrity`. The other
   * targets hash natively — H5 with `crypto.subtle`, which browsers give secure pages only (HTTPS or
   * localhost) — and there `sha2` is undefined, so passing it always is fine.
   */
  hasher?: IntegrityHasher | undefined;
  /** H5 builds: the credentials mode for calls that set none. @default 'same-origin' */
  credentials?: H5DownloaderOptions['credentials'] | undefined;
  /** H5 builds: force a transport. @default 'fetch' where bodies stream, else 'xhr' */
  transport?: H5DownloaderOptions['transport'] | undefined;
}

export type { DownloadTaskPromise };

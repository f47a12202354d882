import type { H5DownloadFileOptions } from '@dl/h5';
import type { DownloadFile, DownloadTaskPromise } from '@dl/types';
import type { WeappPlatformOptions } from '@dl/weapp';

/**
 * Every target's own options, in one type: the mini-program platforms' (`enableHttp2`, `enableQuic`,
 * `enableProfile`, `enableCache`, `enableHttpDNS`, `httpDNSServiceId`: WeChat's; passed to the platform,
 * ignored elsewhere) and h5's `credentials` (the browser's credentials mode; ignored elsewhere).
 */
export type TaroPlatformOptions = WeappPlatformOptions & Pick<H5DownloadFileOptions, 'credentials'>;

/** `downloadFile` in a Taro app: the contract's options plus every target's own. */
export type TaroDownloadFile = DownloadFile<TaroPlatformOptions>;

export type { DownloadTaskPromise };

/**
 * `@dl/taro` in React Native builds (Metro picks this entry by the `react-native` condition): the same
 * names as the other entry, from `@dl/rn`, which the app installs with react-native-blob-util.
 * @packageDocumentation
 */

import * as rn from '@dl/rn';
import type { AdapterInfo } from '@dl/types';
import type { TaroDownloaderOptions, TaroDownloadFile } from './options';

export type * from '@dl/types';
export type { IntegrityHasher } from '@dl/weapp';
export type { TaroDownloaderOptions, TaroDownloadFile, TaroPlatformOptions } from './options';

/** `downloadFile` on React Native (the other targets' own options are ignored here). */
export const downloadFile: TaroDownloadFile = rn.downloadFile;

/**
 * A `downloadFile` with its own queue, saving through react-native-blob-util. Only `maxConcurrent`
 * applies here (React Native hashes files natively: no hasher is needed).
 */
export function createDownloader(options: TaroDownloaderOptions = {}): {
  downloadFile: TaroDownloadFile;
  adapter: AdapterInfo;
} {
  return rn.createDownloader({ backend: rn.blobUtilBackend, maxConcurrent: options.maxConcurrent });
}

export const adapter: AdapterInfo = rn.adapter;

export const isDownloadError = rn.isDownloadError;

/** Files on React Native are real files in the cache directory: nothing to free. */
export const releaseFile: (tempFilePath: string) => void = () => {};

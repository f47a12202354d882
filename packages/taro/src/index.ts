/**
 * dl for Taro: `import { downloadFile } from '@dl/taro'` is `@dl/weapp` in mini-program builds (weapp,
 * alipay, tt, swan, qq, jd, …), `@dl/h5` in H5 builds, and `@dl/rn` in React Native builds (through the
 * package's `react-native` entry, `rn.ts`). Taro replaces `process.env.TARO_ENV` with the build's target
 * when it bundles, so every choice below is a constant condition: the bundler drops the branch not taken,
 * and with it the other adapter (both are `sideEffects: false`). Each build carries one adapter.
 * @packageDocumentation
 */
import * as h5 from '@dl/h5';
import type { AdapterInfo } from '@dl/types';
import * as weapp from '@dl/weapp';
import type { TaroDownloaderOptions, TaroDownloadFile } from './options';

export type * from '@dl/types';
export type { IntegrityHasher } from '@dl/weapp';
export type { TaroDownloaderOptions, TaroDownloadFile, TaroPlatformOptions } from './options';

// Taro defines this at build time; a bundler that does not is not a Taro build.
declare const process: { env: { TARO_ENV?: string } };

// The condition is written out at each use: bundlers fold a literal comparison, not a variable holding one.

/** `downloadFile` of the build's target. */
export const downloadFile: TaroDownloadFile =
  process.env.TARO_ENV === 'h5' ? h5.downloadFile : weapp.downloadFile;

/**
 * A `downloadFile` with its own queue, for the build's target: `platform` and `hasher` on mini-programs,
 * `credentials` and `transport` on H5.
 */
export function createDownloader(options: TaroDownloaderOptions = {}): {
  downloadFile: TaroDownloadFile;
  adapter: AdapterInfo;
} {
  const { maxConcurrent, platform, hasher, credentials, transport } = options;
  // A ternary, not statements: a bundler folds a constant ternary as it parses, before it decides which
  // imports are used.
  return process.env.TARO_ENV === 'h5'
    ? h5.createDownloader({ maxConcurrent, credentials, transport })
    : weapp.createDownloader({ maxConcurrent, platform, hasher });
}

/** The adapter's manifest (what it can do on this target). */
export const adapter: AdapterInfo = process.env.TARO_ENV === 'h5' ? h5.adapter : weapp.adapter;

/** Whether a value is a dl error (from any adapter). */
export const isDownloadError = process.env.TARO_ENV === 'h5' ? h5.isDownloadError : weapp.isDownloadError;

/**
 * Frees a finished download's file when the target keeps it in memory: a `blob:` URL on H5. Elsewhere the
 * platform owns temporary files, and this does nothing.
 */
export const releaseFile: (tempFilePath: string) => void =
  process.env.TARO_ENV === 'h5' ? h5.releaseFile : () => {};

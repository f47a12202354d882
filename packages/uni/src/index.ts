/**
 * dl for uni-app: `import { downloadFile } from '@dl/uni'` is `@dl/weapp` in mini-program builds (bound
 * to the target's own platform object: `wx` on mp-weixin, `my` on mp-alipay, `tt`, `swan`, `qq`, `jd`,
 * `ks`, `xhs`, …) and `@dl/h5` in H5 builds. uni-app replaces `process.env.UNI_PLATFORM` with the build's
 * target when it bundles, so every choice below is a constant condition: the bundler drops the branch not
 * taken, and with it the other adapter (both are `sideEffects: false`). Each build carries one adapter.
 * App builds are not supported: there every download fails, saying so (see `platform.ts`).
 * @packageDocumentation
 */
import * as h5 from '@dl/h5';
import type { AdapterInfo } from '@dl/types';
import * as weapp from '@dl/weapp';
import type { UniDownloaderOptions, UniDownloadFile } from './options';
import { buildPlatform, unsupportedPlatform } from './platform';

export type * from '@dl/types';
export type { IntegrityHasher } from '@dl/weapp';
export type { UniDownloaderOptions, UniDownloadFile, UniPlatformOptions } from './options';

declare const process: { env: { UNI_PLATFORM?: string } };

// The condition is written out at each use: bundlers fold a literal comparison, not a variable holding one.

/**
 * A `downloadFile` with its own queue, for the build's target: `options.platform` (or the target's own
 * object) and `options.hasher` on mini-programs, `options.credentials` and `options.transport` on H5.
 */
export function createDownloader(options: UniDownloaderOptions = {}): {
  downloadFile: UniDownloadFile;
  adapter: AdapterInfo;
} {
  const { maxConcurrent, platform, hasher, credentials, transport } = options;
  // Ternaries, not statements: a bundler folds a constant ternary as it parses, before it decides which
  // imports are used, so the adapter not taken is not even imported (an `if` and `return` is folded later).
  return process.env.UNI_PLATFORM === 'h5'
    ? h5.createDownloader({ maxConcurrent, credentials, transport })
    : weapp.createDownloader({
        maxConcurrent,
        hasher,
        platform:
          process.env.UNI_PLATFORM === 'app' ||
          process.env.UNI_PLATFORM === 'app-plus' ||
          process.env.UNI_PLATFORM === 'app-harmony'
            ? unsupportedPlatform
            : (platform ?? buildPlatform()),
      });
}

const bound = createDownloader();

/** `downloadFile` of the build's target. One queue per app. */
export const downloadFile: UniDownloadFile = bound.downloadFile;

/** The adapter's manifest (what it can do on this target). */
export const adapter: AdapterInfo = bound.adapter;

/** Whether a value is a dl error (from any adapter). */
export const isDownloadError = process.env.UNI_PLATFORM === 'h5' ? h5.isDownloadError : weapp.isDownloadError;

/**
 * Frees a finished download's file when the target keeps it in memory: a `blob:` URL on H5. Elsewhere the
 * platform owns temporary files, and this does nothing.
 */
export const releaseFile: (tempFilePath: string) => void =
  process.env.UNI_PLATFORM === 'h5' ? h5.releaseFile : () => {};

/**
 * The one place the demo picks its dl adapter. Taro replaces `process.env.TARO_ENV` with the build's
 * target ('weapp', 'h5', …) at build time, so webpack sees a constant condition: the branch not taken is
 * dropped, and with it the other adapter (both packages are `sideEffects: false`). Each build carries only
 * its own adapter, resolved to its published `dist/` as in a user's project.
 */
import * as h5 from '@dl/h5';
import type { DownloadFile } from '@dl/weapp';
import * as weapp from '@dl/weapp';

export type { DownloadTaskPromise } from '@dl/weapp';

// The condition is written out each time: webpack drops a branch only when the condition itself is a
// constant, not through a variable holding one.
/** The contract's `downloadFile` (each adapter's own options aside: weapp's `enableHttp2`, h5's `credentials`). */
export const downloadFile: DownloadFile =
  process.env.TARO_ENV === 'h5' ? h5.downloadFile : weapp.downloadFile;

export const isDownloadError = process.env.TARO_ENV === 'h5' ? h5.isDownloadError : weapp.isDownloadError;

/** Frees a finished download's file: a `blob:` URL on h5; on mini-programs the platform owns temp files. */
export const releaseFile: (tempFilePath: string) => void =
  process.env.TARO_ENV === 'h5' ? h5.releaseFile : () => {};

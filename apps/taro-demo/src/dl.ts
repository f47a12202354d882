/**
 * The one place the demo picks its dl adapter. Taro replaces `process.env.TARO_ENV` with the build's
 * target ('weapp', 'h5', …) at build time, so webpack sees a constant condition: the branch not taken is
 * dropped, and with it the other adapter (both packages are `sideEffects: false`). Each build carries only
 * its own adapter, resolved to its published `dist/` as in a user's project.
 */
import * as h5 from '@dl/h5';
import * as weapp from '@dl/weapp';

export type { DownloadTaskPromise } from '@dl/weapp';

// The condition is written out each time: webpack drops a branch only when the condition itself is a
// constant, not through a variable holding one.
export const { downloadFile, isDownloadError } = process.env.TARO_ENV === 'h5' ? h5 : weapp;

/** Frees a finished download's file: a `blob:` URL on h5; on mini-programs the platform owns temp files. */
export const releaseFile: (tempFilePath: string) => void =
  process.env.TARO_ENV === 'h5' ? h5.releaseFile : () => {};

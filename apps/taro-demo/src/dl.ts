/**
 * The one place the demo picks its dl adapter. Taro replaces `process.env.TARO_ENV` with the build's
 * target ('weapp', 'h5', …) at build time, so webpack sees a constant condition: the branch not taken is
 * dropped, and with it the other adapter (both packages are `sideEffects: false`). Each build carries only
 * its own adapter, resolved to its published `dist/` as in a user's project.
 */
import * as h5 from '@dl/h5';
import * as weapp from '@dl/weapp';

export type { DownloadTaskPromise, OnProgressUpdateCallbackResult } from '@dl/weapp';

export const { downloadFile, isDownloadError } = process.env.TARO_ENV === 'h5' ? h5 : weapp;

/**
 * The demo's one import of dl: `@dl/taro`, which is `@dl/weapp` in the mini-program build and `@dl/h5` in
 * the H5 build (Taro's `process.env.TARO_ENV` decides at build time; the other adapter is dropped). It
 * resolves to the published `dist/`, as in a user's project.
 */
export { type DownloadTaskPromise, downloadFile, isDownloadError, releaseFile } from '@dl/taro';

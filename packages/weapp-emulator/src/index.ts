/**
 * A test double of the mini-program platform for Node: `wx.downloadFile` (and Alipay's `my.downloadFile`)
 * with real HTTP and real files, following the platform's documented behaviour, so code written for
 * mini-programs can be tested against a real server without a phone or the developer tools.
 * @packageDocumentation
 */
export type {
  PlatformDownloadOptions,
  PlatformDownloadTask,
  PlatformResult,
} from './download-task';
export { DEFAULT_TIMEOUT_MS } from './download-task';
export {
  createMyEmulator,
  createWxEmulator,
  type EmulatorOptions,
  type MiniProgramEmulator,
} from './emulator';
export { type FailureKind, MY_ERROR, WX_ERRNO } from './failures';
export type { PlatformFileSystemManager, PlatformStats } from './file-system';
export { MY_PATHS, type PathStyle, WX_PATHS } from './paths';
export type { ProgressEvent, ProgressWithoutLength } from './transfer';

/**
 * The React Native adapter without its native library: build a downloader over any
 * {@link NativeFileBackend}. The app entry (`@dl/rn`) wires it to react-native-blob-util; this entry
 * imports no native code, so it also loads where React Native does not run (tests, tooling).
 * @packageDocumentation
 */
import { type BoundDownloader, bindDownloader, contractCapabilities } from '@dl/core';
import type { AdapterInfo } from '@dl/types';
import type { NativeFileBackend } from './backend';
import { createNativeDriver } from './driver';

export { DownloadError, isDownloadError } from '@dl/core';
export type * from '@dl/types';
export {
  NativeFailure,
  type NativeFileBackend,
  type NativeRequest,
  type NativeResponse,
  type NativeTransfer,
} from './backend';
export { createBlobUtilBackend } from './backends/blob-util';
export type {
  BlobUtilFetchTask,
  BlobUtilModule,
  BlobUtilResponse,
  BlobUtilRuntimeTask,
} from './backends/blob-util-api';
export { toFileUrl, toPlainPath } from './paths';

/** What {@link createDownloader} takes. */
export interface RnDownloaderOptions {
  /** The file-system library to save through. */
  backend: NativeFileBackend;
  /** Downloads that run at once; the rest wait. @default 10 */
  maxConcurrent?: number | undefined;
}

export const adapter: AdapterInfo = {
  name: 'rn',
  // Every capability: a partial is a part file in the cache directory (or beside filePath), which outlives
  // the app's process, and react-native-blob-util hashes files natively.
  capabilities: contractCapabilities(),
  notes: [
    'Files are saved through react-native-blob-util; tempFilePath and the reported paths are file:// URLs.',
    'filePath may be a file:// URL or a plain absolute path; its directory must exist.',
    'Paused and interrupted downloads keep a hidden part file in the cache directory (or beside filePath) until they finish, fail or the OS clears the cache.',
    "A continued download's new bytes are appended to the saved ones when the attempt ends (the library cannot append in place safely), so finishing one costs a local copy of them.",
  ],
};

/** A `downloadFile` with its own queue, saving through `options.backend`. */
export function createDownloader(options: RnDownloaderOptions): BoundDownloader {
  return bindDownloader(createNativeDriver(options.backend), adapter, {
    maxConcurrent: options.maxConcurrent,
  });
}

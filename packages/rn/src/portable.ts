/**
 * The React Native adapter without its native library: build a downloader over any
 * {@link NativeFileBackend}. The app entry (`@dl/rn`) wires it to react-native-blob-util; this entry
 * imports no native code, so it also loads where React Native does not run (tests, tooling).
 * @packageDocumentation
 */
import { createDownloadFile, DEFAULT_MAX_CONCURRENT } from '@dl/core';
import type { AdapterInfo, DownloadFile } from '@dl/types';
import type { NativeFileBackend } from './backend';
import { createNativeDriver } from './driver';
import { MAX_REDIRECTS } from './redirects';

export { DownloadError, isDownloadError } from '@dl/core';
export type * from '@dl/types';
export {
  NativeFailure,
  type NativeFileBackend,
  type NativeRequest,
  type NativeResponse,
  type NativeTransfer,
} from './backend';
export { BLOB_UTIL_PROGRESS, createBlobUtilBackend, translateBlobUtilError } from './backends/blob-util';
export type {
  BlobUtilFetchTask,
  BlobUtilModule,
  BlobUtilResponse,
  BlobUtilRuntimeTask,
} from './backends/blob-util-api';
export { toFileUrl, toPlainPath } from './paths';
export { MAX_REDIRECTS } from './redirects';

export interface RnDownloaderOptions {
  /** The file-system library to save through. */
  backend: NativeFileBackend;
  /** Downloads that run at once; the rest wait. @default 10 */
  maxConcurrent?: number;
}

export const adapter: AdapterInfo = {
  name: 'rn',
  capabilities: {
    abort: true,
    headersReceived: true,
    progressUpdate: true,
    filePath: true,
    atomicFilePath: true,
    requestHeaders: true,
    abortSignal: true,
    maxRedirects: MAX_REDIRECTS,
    redirectLimit: true,
    maxConcurrent: DEFAULT_MAX_CONCURRENT,
  },
  notes: [
    'Files are saved through react-native-blob-util; tempFilePath and the reported paths are file:// URLs.',
    'filePath may be a file:// URL or a plain absolute path; its directory must exist.',
  ],
};

/** A `downloadFile` with its own queue, saving through `options.backend`. */
export function createDownloader(options: RnDownloaderOptions): {
  downloadFile: DownloadFile;
  adapter: AdapterInfo;
} {
  const maxConcurrent = options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
  return {
    downloadFile: createDownloadFile(createNativeDriver(options.backend), { maxConcurrent }),
    adapter: { ...adapter, capabilities: { ...adapter.capabilities, maxConcurrent } },
  };
}

/**
 * dl for React Native: `downloadFile` with the whole DownloadTask contract — abort, progress and the
 * headers event — saving real files in the app's cache directory (or `filePath`) through
 * react-native-blob-util, which the app installs and links.
 * @packageDocumentation
 */
import type { DownloadFile } from '@dl/types';
import ReactNativeBlobUtil from 'react-native-blob-util';
import { createBlobUtilBackend } from './backends/blob-util';
import { createDownloader } from './portable';

export * from './portable';

/** The default backend: the app's linked react-native-blob-util. */
export const blobUtilBackend = createBlobUtilBackend(ReactNativeBlobUtil);

/** Downloads `options.url` into the cache directory or `options.filePath`. One queue per app. */
export const downloadFile: DownloadFile = createDownloader({ backend: blobUtilBackend }).downloadFile;

/**
 * dl for React Native: `downloadFile` with the whole DownloadTask contract — abort, progress and the
 * headers event — saving real files in the app's cache directory (or `filePath`) through
 * react-native-blob-util, which the app installs and links.
 * @packageDocumentation
 */
import type { DownloadFile } from '@dl/types';
import ReactNativeBlobUtil from 'react-native-blob-util';
import { createBlobUtilBackend } from './backends/blob-util';
import type { BlobUtilModule } from './backends/blob-util-api';
import { createDownloader } from './portable';

export * from './portable';

/** What to do when react-native-blob-util is not there: the message names the library and the command. */
const MISSING_BLOB_UTIL =
  '@dl/rn needs react-native-blob-util (>=0.22.0 <1), the native library it saves files with, and it is ' +
  'missing or not linked. Install it in the app: `npm install react-native-blob-util` (iOS: then ' +
  '`cd ios && pod install`; Expo: a development build with its config plugin), and rebuild the app. ' +
  'Outside React Native, use `@dl/rn/portable` with a backend of your own.';

type MaybeBlobUtil = (Partial<BlobUtilModule> & { default?: MaybeBlobUtil }) | null | undefined;

const usable = (candidate: MaybeBlobUtil): candidate is BlobUtilModule =>
  !!candidate && typeof candidate.config === 'function' && !!candidate.fs;

/**
 * The imported module, checked: a missing or unlinked library fails here with {@link MISSING_BLOB_UTIL}.
 * A bundler in Node compatibility mode (esbuild, for a `"type": "module"` package) hands over the
 * CommonJS module object as the default import, the library under its `default`: that is taken too.
 */
function linked(module: unknown): BlobUtilModule {
  const candidate = module as MaybeBlobUtil;
  if (usable(candidate)) return candidate;
  if (usable(candidate?.default)) return candidate.default;
  throw new Error(MISSING_BLOB_UTIL);
}

/** The default backend: the app's linked react-native-blob-util. */
export const blobUtilBackend = createBlobUtilBackend(linked(ReactNativeBlobUtil));

/** Downloads `options.url` into the cache directory or `options.filePath`. One queue per app. */
export const downloadFile: DownloadFile = createDownloader({ backend: blobUtilBackend }).downloadFile;

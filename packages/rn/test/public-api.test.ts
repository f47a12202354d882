import { expect, it } from 'vitest';
import * as portable from '../src/portable';

// Every exported name is a promise to users: adding or removing one is a deliberate change. The app
// entry (`@dl/rn`) is `@dl/rn/portable` plus `blobUtilBackend` and `downloadFile`, which need the native
// library (checked in the rn-realm project, where the built entry loads).
it('@dl/rn/portable exports exactly its public surface', () => {
  expect(Object.keys(portable).sort()).toEqual([
    'DownloadError',
    'NativeFailure',
    'adapter',
    'createBlobUtilBackend',
    'createDownloader',
    'isDownloadError',
    'toFileUrl',
    'toPlainPath',
  ]);
});

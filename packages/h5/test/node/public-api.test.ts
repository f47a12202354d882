import { expect, it } from 'vitest';
import * as entry from '../../src/index';

// Every exported name is a promise to users: adding or removing one is a deliberate change.
it('@dl/h5 exports exactly its public surface', () => {
  expect(Object.keys(entry).sort()).toEqual([
    'BROWSER_MAX_REDIRECTS',
    'DownloadError',
    'adapter',
    'createDownloader',
    'downloadFile',
    'hasOriginPrivateFileSystem',
    'isDownloadError',
    'releaseFile',
    'supportsStreamingFetch',
  ]);
});

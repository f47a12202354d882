import { expect, it } from 'vitest';
import * as entry from '../src/index';

// Every exported name is a promise to users: adding or removing one is a deliberate change.
it('@dl/node exports exactly its public surface', () => {
  expect(Object.keys(entry).sort()).toEqual([
    'DownloadError',
    'adapter',
    'createDownloader',
    'defaultTempDir',
    'downloadFile',
    'isDownloadError',
  ]);
});

import { expect, it } from 'vitest';
import * as entry from '../src/index';

// Every exported name is a promise to users: adding or removing one is a deliberate change.
it('@dl/weapp exports exactly its public surface', () => {
  expect(Object.keys(entry).sort()).toEqual([
    'DownloadError',
    'adapter',
    'createDownloader',
    'downloadFile',
    'isDownloadError',
  ]);
});

it('@dl/weapp/integrity exports exactly the hasher', async () => {
  const integrity = await import('../src/integrity');
  expect(Object.keys(integrity)).toEqual(['sha2']);
});

import { type ConformanceTarget, testServerUrl } from '@dl/conformance';

import { server } from 'vitest/browser';
import { createDownloader, type H5Transport } from '../../src/index';
import { memoryPartialIds } from '../../src/memory-partials';
import { readObjectUrl, watchObjectUrls } from './object-urls';
import { listDirectory, makeDirectory, readFile } from './opfs';

const objectUrls = watchObjectUrls();
let runs = 0;

/**
 * The suite's view of @dl/h5 in a real browser: saved files read back through fetch (blob: URLs) or
 * straight from the Origin Private File System, the temporary area being the object URLs still alive and
 * the partials held in memory.
 * The redirect-limit clauses skip themselves, as the adapter's capabilities say (`redirectLimit: false`).
 */
export function browserTarget(transport: H5Transport): ConformanceTarget {
  const { downloadFile, adapter } = createDownloader({ transport });
  const base = `dl-tests/${transport}-${Date.now().toString(36)}-${++runs}`;
  let dirs = 0;
  return {
    // The engine this project runs in (chromium, firefox or webkit), as vitest launched it.
    name: `h5 (${server.browser}, ${transport})`,
    downloadFile,
    adapter,
    serverUrl: testServerUrl,
    readSaved: (path) => (path.startsWith('blob:') ? readObjectUrl(path) : readFile(path)),
    // Object URLs still alive, and saved bytes still held in memory (only the adapter's store shows those).
    tempEntries: async () => [...(await objectUrls.live()), ...memoryPartialIds()],
    freshDir: () => makeDirectory(`${base}/dir-${++dirs}`),
    join: (dir, name) => `${dir}/${name}`,
    list: listDirectory,
    unwritablePath: async () => `${base}/missing-directory/file.bin`,
  };
}

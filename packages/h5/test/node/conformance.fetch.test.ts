import { runConformance, testServerUrl } from '@dl/conformance';

import { createDownloader } from '../../src/index';
import { memoryPartialIds } from '../../src/memory-partials';
import { readObjectUrl, watchObjectUrls } from '../support/object-urls';

// Node has fetch with streamed bodies and blob: URLs, so the fetch transport runs here unchanged.
// The suite skips what the adapter's capabilities decline: the redirect-limit clauses (redirectLimit:
// false) and, with no OPFS in Node, the filePath ones; nothing is skipped by name.
const objectUrls = watchObjectUrls();
const { downloadFile, adapter } = createDownloader();
const unavailable = () => Promise.reject(new Error('no Origin Private File System in Node'));

runConformance({
  name: 'h5 (node)',
  downloadFile,
  adapter,
  serverUrl: testServerUrl,
  readSaved: readObjectUrl,
  // Object URLs still alive, and saved bytes still held in memory (only the adapter's store shows those).
  tempEntries: async () => [...(await objectUrls.live()), ...memoryPartialIds()],
  freshDir: unavailable,
  join: (dir, name) => `${dir}/${name}`,
  list: unavailable,
  unwritablePath: unavailable,
});

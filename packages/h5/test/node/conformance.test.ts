import { runConformance } from '@dl/conformance';
import { inject } from 'vitest';
import { createDownloader } from '../../src/index';
import { readObjectUrl, watchObjectUrls } from '../support/object-urls';
import { nodeFilePathSkips, redirectSkips } from '../support/skips';

// Node has fetch with streamed bodies and blob: URLs, so the fetch driver runs here unchanged.
const objectUrls = watchObjectUrls();
const { downloadFile, adapter } = createDownloader();
const unavailable = () => Promise.reject(new Error('no Origin Private File System in Node'));

runConformance({
  name: 'h5 (node)',
  downloadFile,
  adapter,
  serverUrl: () => inject('testServerUrl'),
  readSaved: readObjectUrl,
  tempEntries: () => objectUrls.live(),
  freshDir: unavailable,
  join: (dir, name) => `${dir}/${name}`,
  list: unavailable,
  unwritablePath: unavailable,
  skip: { ...redirectSkips, ...nodeFilePathSkips },
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runConformance, testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import { createDownloader } from '../src/index';

// The suite gets its own temporary area, so "nothing left behind" is checked against files only it makes.
const sandbox = await diskSandbox('dl-node-conformance');
const tempDir = join(sandbox.root, 'temp');
const { downloadFile, adapter } = createDownloader({ tempDir });

runConformance({
  name: 'node',
  downloadFile,
  adapter,
  serverUrl: testServerUrl,
  readSaved: async (path) => new Uint8Array(await readFile(path)),
  tempEntries: () => sandbox.entries(tempDir),
  freshDir: sandbox.freshDir,
  join,
  list: sandbox.entries,
  unwritablePath: async () => join(sandbox.root, 'missing-directory', 'file.bin'),
});

import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConformance } from '@dl/conformance';
import { startTestServer, type TestServer } from '@dl/test-server';
import { afterAll, beforeAll } from 'vitest';
import { createDownloader } from '../src/index';

// The suite gets its own temporary area, so "nothing left behind" is checked against files only it makes.
const root = await mkdtemp(join(tmpdir(), 'dl-node-conformance-'));
const tempDir = join(root, 'temp');
const { downloadFile, adapter } = createDownloader({ tempDir });
let server: TestServer;
let dirs = 0;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

const entries = (dir: string) => readdir(dir).catch(() => [] as string[]);

runConformance({
  name: 'node',
  downloadFile,
  adapter,
  serverUrl: () => server.url,
  readSaved: async (path) => new Uint8Array(await readFile(path)),
  tempEntries: () => entries(tempDir),
  async freshDir() {
    const dir = join(root, `dir-${++dirs}`);
    await mkdir(dir);
    return dir;
  },
  join,
  list: entries,
  unwritablePath: async () => join(root, 'missing-directory', 'file.bin'),
});

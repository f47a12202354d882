import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceTarget } from '@dl/conformance';
import { startTestServer, type TestServer } from '@dl/test-server';
import type { EmulatorOptions, MiniProgramEmulator } from '@dl/weapp-emulator';
import { afterAll, beforeAll } from 'vitest';
import { createDownloader, type MiniProgramPlatform } from '../../src/index';

/**
 * A conformance target: @dl/weapp bound to a fresh platform emulator whose temporary and user-data
 * directories are the suite's alone, read back through the real files behind the platform's paths.
 */
export async function emulatorTarget(
  name: string,
  create: (options: EmulatorOptions) => MiniProgramEmulator,
  options: Omit<EmulatorOptions, 'userDataPath'> = {},
): Promise<ConformanceTarget & { emulator: MiniProgramEmulator }> {
  const root = await mkdtemp(join(tmpdir(), `dl-weapp-${name}-`));
  const emulator = create({ userDataPath: join(root, 'usr'), tempPath: join(root, 'tmp'), ...options });
  const { downloadFile, adapter } = createDownloader(emulator as unknown as MiniProgramPlatform);
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
  const userRoot = emulator.env.USER_DATA_PATH;
  return {
    name,
    emulator,
    downloadFile,
    adapter,
    serverUrl: () => server.url,
    readSaved: async (path) => new Uint8Array(await readFile(emulator.resolvePath(path))),
    tempEntries: () => entries(emulator.tempDir),
    async freshDir() {
      const dir = `${userRoot}/dir-${++dirs}`;
      await mkdir(emulator.resolvePath(dir));
      return dir;
    },
    join: (dir, file) => `${dir}/${file}`,
    list: (dir) => entries(emulator.resolvePath(dir)),
    unwritablePath: async () => `${userRoot}/missing-directory/file.bin`,
  };
}

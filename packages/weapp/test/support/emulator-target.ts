import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ConformanceTarget, testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import type { EmulatorOptions, MiniProgramEmulator } from '@dl/weapp-emulator';
import { createDownloader as createFromSource, type MiniProgramPlatform } from '../../src/index';
import { sha2 } from '../../src/integrity';

/** `createDownloader` from the sources (the default) or from the built package loaded in a platform realm. */
export type CreateDownloader = (
  platform: MiniProgramPlatform,
) => Pick<ConformanceTarget, 'downloadFile' | 'adapter'>;

/**
 * A conformance target: @dl/weapp bound to a fresh platform emulator whose temporary and user-data
 * directories are the suite's alone, read back through the real files behind the platform's paths. It
 * checks integrity with `sha2` from `@dl/weapp/integrity`.
 */
export async function emulatorTarget(
  name: string,
  create: (options: EmulatorOptions) => MiniProgramEmulator,
  createDownloader: CreateDownloader = (platform) => createFromSource({ platform, hasher: sha2 }),
): Promise<ConformanceTarget> {
  const sandbox = await diskSandbox(`dl-weapp-${name.replace(/\W+/g, '-')}`);
  const emulator = create({
    userDataPath: join(sandbox.root, 'usr'),
    tempPath: join(sandbox.root, 'tmp'),
  });
  const { downloadFile, adapter } = createDownloader(emulator as unknown as MiniProgramPlatform);
  const userRoot = emulator.env.USER_DATA_PATH;
  let dirs = 0;
  return {
    name,
    downloadFile,
    adapter,
    serverUrl: testServerUrl,
    readSaved: async (path) => new Uint8Array(await readFile(emulator.resolvePath(path))),
    tempEntries: () => sandbox.entries(emulator.tempDir),
    async freshDir() {
      const dir = `${userRoot}/dir-${++dirs}`;
      await mkdir(emulator.resolvePath(dir));
      return dir;
    },
    join: (dir, file) => `${dir}/${file}`,
    list: (dir) => sandbox.entries(emulator.resolvePath(dir)),
    unwritablePath: async () => `${userRoot}/missing-directory/file.bin`,
  };
}

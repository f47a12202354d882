import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ConformanceTarget, runConformance, testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import type { BlobUtilModule } from '../../src/backends/blob-util-api';
import { createBlobUtilBackend, createDownloader } from '../../src/portable';
import { createBlobUtilEmulator } from '../emulator/blob-util-emulator';

/** Builds a downloader over the (emulated) native module: from the sources, or the built package in a realm. */
export type DownloaderOver = (
  blobUtil: BlobUtilModule,
) => Pick<ConformanceTarget, 'downloadFile' | 'adapter'>;

const fromSource: DownloaderOver = (blobUtil) =>
  createDownloader({ backend: createBlobUtilBackend(blobUtil) });

/** Registers the conformance suite against the adapter on the emulator of one platform's native module. */
export async function runEmulatedConformance(
  platform: 'android' | 'ios',
  { downloaderOver = fromSource, label = '' }: { downloaderOver?: DownloaderOver; label?: string } = {},
): Promise<void> {
  // The device's sandbox: a cache and a documents directory that only this suite writes to.
  const sandbox = await diskSandbox(`dl-rn-conformance-${platform}`);
  const cacheDir = join(sandbox.root, 'cache');
  const documentDir = join(sandbox.root, 'documents');
  await mkdir(cacheDir);
  await mkdir(documentDir);

  const blobUtil = createBlobUtilEmulator({ cacheDir, documentDir, platform });
  const { downloadFile, adapter } = downloaderOver(blobUtil);

  /** Apps hand dl `file://` URLs; the suite reads them back with Node, not through the adapter. */
  const toPath = (pathOrUrl: string) =>
    pathOrUrl.startsWith('file://') ? fileURLToPath(pathOrUrl) : pathOrUrl;
  const entries = (dir: string) => sandbox.entries(toPath(dir));

  runConformance({
    name: `rn (react-native-blob-util emulator, ${platform}${label})`,
    downloadFile,
    adapter,
    serverUrl: testServerUrl,
    readSaved: async (path) => new Uint8Array(await readFile(toPath(path))),
    tempEntries: () => entries(cacheDir),
    freshDir: async () => pathToFileURL(await sandbox.freshDir()).href,
    join: (dir, name) => `${dir}/${name}`,
    list: entries,
    unwritablePath: async () => pathToFileURL(join(documentDir, 'missing-directory', 'file.bin')).href,
  });
}

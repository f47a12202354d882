import { join } from 'node:path';
import { testServerUrl } from '@dl/conformance';
import { diskSandbox } from '@dl/conformance/node';
import { fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import { createMyEmulator, createWxEmulator, type MiniProgramEmulator } from '@dl/weapp-emulator';
import { describe, expect, it } from 'vitest';
import { createDownloader, type MiniProgramPlatform, type PlatformDownloadOptions } from '../src/index';

const sandbox = await diskSandbox('dl-weapp-header-values');

/** The emulator as the app sees it, with every options object the adapter hands it recorded. */
function watched(emulator: MiniProgramEmulator, calls: PlatformDownloadOptions[]): MiniProgramPlatform {
  const platform = emulator as unknown as MiniProgramPlatform;
  return {
    getFileSystemManager: () => platform.getFileSystemManager!(),
    downloadFile(options) {
      calls.push(options);
      return platform.downloadFile(options);
    },
  };
}

describe('header values the platforms accept (numbers, booleans) are sent as their text', () => {
  for (const [name, create] of [
    ['wx', createWxEmulator],
    ['my', createMyEmulator],
  ] as const) {
    it(`${name}: the platform gets strings, and the server sees "1", "true", "0", "false"`, async () => {
      const dir = await sandbox.freshDir();
      const emulator = create({ userDataPath: join(dir, 'usr'), tempPath: join(dir, 'tmp') });
      const calls: PlatformDownloadOptions[] = [];
      const { downloadFile } = createDownloader({ platform: watched(emulator, calls) });
      const id = newRequestId();

      const result = await downloadFile({
        url: fileUrl(testServerUrl(), { id, size: 10 }),
        header: { 'X-One': 1, 'X-True': true, 'X-Zero': 0, 'X-False': false, 'X-Text': 'a b' },
      });

      expect(result.statusCode).toBe(200);
      // What dl handed the platform: strings only, whatever the platform would have done with a number.
      expect(calls).toHaveLength(1);
      expect(calls[0]!.header).toEqual({
        'X-One': '1',
        'X-True': 'true',
        'X-Zero': '0',
        'X-False': 'false',
        'X-Text': 'a b',
      });
      const [request] = await fetchLog(testServerUrl(), id);
      expect(request?.headers).toMatchObject({
        'x-one': '1',
        'x-true': 'true',
        'x-zero': '0',
        'x-false': 'false',
        'x-text': 'a b',
      });
    });
  }
});

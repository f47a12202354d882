import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleBuilt, createRealm } from '@dl/conformance/realm';
import type { MiniProgramPlatform } from '../../src/index';
import type { CreateDownloader } from '../support/emulator-target';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The published @dl/weapp as a mini-program's bundler makes it: one script, @dl/core inside. */
export function bundleWeapp(): Promise<string> {
  return bundleBuilt('@dl/weapp', packageDir);
}

interface WeappExports {
  createDownloader(platform?: MiniProgramPlatform): ReturnType<CreateDownloader>;
}

/**
 * `createDownloader` of the built package, each downloader in its own realm with only what the
 * mini-program logic layer has. The platform object (an emulator living in Node) is declared there as a
 * lexical global named `globalName`, and the adapter finds it itself, as in a mini-program.
 */
export function realmDownloader(
  code: string,
  globalName: 'wx' | 'my',
  promiseJobsAsTasks = false,
): CreateDownloader {
  return (platform) => {
    const realm = createRealm({ lexicalGlobals: { [globalName]: platform }, promiseJobsAsTasks });
    return realm.load<WeappExports>(code).createDownloader();
  };
}

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleBuilt, createRealm } from '@dl/conformance/realm';
import type { IntegrityHasher, MiniProgramPlatform } from '../../src/index';
import type { CreateDownloader } from '../support/emulator-target';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The published @dl/weapp as a mini-program's bundler makes it: one script, @dl/core inside. */
export function bundleWeapp(): Promise<string> {
  return bundleBuilt('@dl/weapp', packageDir);
}

/** The published `@dl/weapp/integrity` the same way: the hasher and jsSHA inside. */
export function bundleIntegrity(): Promise<string> {
  return bundleBuilt('@dl/weapp/integrity', packageDir);
}

/** Both bundles, as an app that checks integrity carries them. */
export async function bundleBoth(): Promise<{ weapp: string; integrity: string }> {
  return { weapp: await bundleWeapp(), integrity: await bundleIntegrity() };
}

interface WeappExports {
  createDownloader(options?: {
    platform?: MiniProgramPlatform;
    hasher?: IntegrityHasher;
  }): ReturnType<CreateDownloader>;
}

/**
 * `createDownloader` of the built package, each downloader in its own realm with only what the
 * mini-program logic layer has, checking integrity with the built `sha2` loaded there too. The platform
 * object (an emulator living in Node) is declared there as a lexical global named `globalName`, and the
 * adapter finds it itself, as in a mini-program.
 */
export function realmDownloader(
  code: { weapp: string; integrity: string },
  globalName: 'wx' | 'my',
  promiseJobsAsTasks = false,
): CreateDownloader {
  return (platform) => {
    const realm = createRealm({ lexicalGlobals: { [globalName]: platform }, promiseJobsAsTasks });
    const { sha2 } = realm.load<{ sha2: IntegrityHasher }>(code.integrity);
    return realm.load<WeappExports>(code.weapp).createDownloader({ hasher: sha2 });
  };
}

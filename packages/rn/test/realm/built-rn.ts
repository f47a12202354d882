import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleBuilt, createRealm } from '@dl/conformance/realm';
import type { NativeFileBackend } from '../../src/backend';
import type { BlobUtilModule } from '../../src/backends/blob-util-api';
import type { DownloaderOver } from '../support/conformance-target';
import { type ReactNativeVersion, reactNativeUrlScript } from './react-native-url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The published @dl/rn as Metro resolves it (the `react-native` condition), the native library left as an import. */
export function bundleRn(): Promise<string> {
  return bundleBuilt('@dl/rn', packageDir, {
    conditions: ['react-native'],
    external: ['react-native-blob-util'],
  });
}

interface RnExports {
  createDownloader(options: { backend: NativeFileBackend }): ReturnType<DownloaderOver>;
  createBlobUtilBackend(blobUtil: BlobUtilModule): NativeFileBackend;
}

/** A realm with ECMAScript, timers, console, and React Native's own `URL` and `URLSearchParams` of `version`. */
export async function reactNativeRealm(version: ReactNativeVersion) {
  const realm = createRealm();
  const { URL, URLSearchParams } = realm.load<{ URL: unknown; URLSearchParams: unknown }>(
    await reactNativeUrlScript(version),
  );
  const global = realm.evaluate<Record<string, unknown>>('this');
  global.URL = URL;
  global.URLSearchParams = URLSearchParams;
  return realm;
}

/**
 * Downloaders from the built package, loaded in a React Native realm of `version`, over the emulated
 * native module, which the bundle imports as `react-native-blob-util`.
 */
export async function realmDownloaderOver(version: ReactNativeVersion): Promise<DownloaderOver> {
  const [code, realm] = await Promise.all([bundleRn(), reactNativeRealm(version)]);
  return (blobUtil) => {
    const rn = realm.load<RnExports>(code, (specifier) => {
      if (specifier === 'react-native-blob-util') return { default: blobUtil, __esModule: true };
      throw new Error(`the React Native realm has no module ${specifier}`);
    });
    return rn.createDownloader({ backend: rn.createBlobUtilBackend(blobUtil) });
  };
}

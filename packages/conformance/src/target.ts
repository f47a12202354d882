import type { AdapterInfo, DownloadFile } from '@dl/types';

/**
 * What an adapter's test file hands the suite: the adapter under test, where the test server is, and
 * independent ways to look at the platform's storage, so the suite never asks the adapter about itself.
 */
export interface ConformanceTarget {
  /** Shown in test names, e.g. `node` or `h5 (chromium)`. */
  name: string;
  /** The adapter's `downloadFile` (a fresh downloader is best, so its queue and temp area are the suite's). */
  downloadFile: DownloadFile;
  /** The adapter's capability manifest; a feature it lacks is skipped with the reason printed. */
  adapter: AdapterInfo;
  /** Base URL of a running `@dl/test-server` (http://127.0.0.1:PORT). */
  serverUrl(): string;
  /** Reads the bytes saved at a result's `tempFilePath` or `filePath`, without using the adapter. */
  readSaved(path: string): Promise<Uint8Array>;
  /** Names of the entries in the adapter's temporary area, to prove nothing was left behind. */
  tempEntries(): Promise<string[]>;
  /** A fresh, empty directory for `filePath` tests, in the platform's own path form. */
  freshDir(): Promise<string>;
  /** Joins a directory from `freshDir()` and a file name. */
  join(dir: string, name: string): string;
  /** Names of the entries in a directory from `freshDir()`. */
  list(dir: string): Promise<string[]>;
  /** A `filePath` the platform cannot write (e.g. inside a directory that does not exist). */
  unwritablePath(): Promise<string>;
}

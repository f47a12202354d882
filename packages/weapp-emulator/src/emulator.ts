import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type DownloadSettings,
  type PlatformDownloadOptions,
  type PlatformDownloadTask,
  startDownload,
} from './download-task';
import { createFileSystemManager, type PlatformFileSystemManager } from './file-system';
import { type Flavour, MY_FLAVOUR, WX_FLAVOUR } from './flavour';
import { PathSpace } from './paths';
import type { ProgressWithoutLength } from './transfer';

export interface EmulatorOptions {
  /** A real directory standing for the platform's `USER_DATA_PATH` (created if missing). */
  userDataPath: string;
  /** A real directory for temporary files. @default a fresh directory under `os.tmpdir()` */
  tempPath?: string;
  /** Downloads running at once before a new one fails with "too many tasks" (WeChat: 10). @default 10 */
  maxConcurrent?: number;
  /** Redirects followed before failing (WeChat: 15). @default 15 */
  maxRedirects?: number;
  /** Largest body saved (WeChat: 200 MB). @default 209715200 */
  maxFileSize?: number;
  /**
   * Progress events when the response has no usable Content-Length: `'none'` fires none (percent cannot
   * change); `'bytes'` fires one per received chunk with `totalBytesExpectedToWrite: -1`, as some
   * clients do. @default 'none'
   */
  progressWithoutLength?: ProgressWithoutLength;
  /**
   * Whether the headers event carries `statusCode`. WeChat documents only `header` for DownloadTask;
   * clients on devices add `statusCode`, the developer tools do not. @default true
   */
  statusCodeInHeadersEvent?: boolean;
}

/** A `wx`-like (or `my`-like) object: `downloadFile`, `getFileSystemManager`, `env`, plus test helpers. */
export interface MiniProgramEmulator {
  downloadFile(options: PlatformDownloadOptions): PlatformDownloadTask;
  getFileSystemManager(): PlatformFileSystemManager;
  env: { USER_DATA_PATH: string };
  /** The real path behind a platform path (`wxfile://tmp_…`, `wxfile://usr/…`), for reading results back. */
  resolvePath(platformPath: string): string;
  /** The real directory of temporary files. */
  readonly tempDir: string;
  /** The real directory standing for `USER_DATA_PATH`. */
  readonly userDataDir: string;
  /** Downloads running now. */
  readonly running: number;
  /** Every `downloadFile` call's options, callbacks left out: what the platform was asked. */
  readonly calls: ReadonlyArray<Record<string, unknown>>;
  /** Removes the temporary directory (and nothing else). */
  dispose(): Promise<void>;
}

function createEmulator(flavour: Flavour, options: EmulatorOptions): MiniProgramEmulator {
  if (!options || typeof options.userDataPath !== 'string')
    throw new TypeError('createEmulator: userDataPath (a real directory) is required');
  const userDataDir = resolve(options.userDataPath);
  const ownTemp = options.tempPath === undefined;
  const tempDir = resolve(
    options.tempPath ?? join(tmpdir(), `dl-weapp-emulator-${randomBytes(6).toString('hex')}`),
  );
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(tempDir, { recursive: true });
  const paths = new PathSpace(flavour.paths, tempDir, userDataDir);
  const calls: Record<string, unknown>[] = [];
  const settings: DownloadSettings = {
    paths,
    flavour,
    maxConcurrent: options.maxConcurrent ?? 10,
    maxRedirects: options.maxRedirects ?? 15,
    maxFileSize: options.maxFileSize ?? 200 * 1024 * 1024,
    progressWithoutLength: options.progressWithoutLength ?? 'none',
    statusCodeInHeadersEvent: options.statusCodeInHeadersEvent ?? true,
    slots: { running: 0 },
  };
  const fs = createFileSystemManager(paths, flavour);

  return {
    downloadFile(downloadOptions) {
      if (downloadOptions && typeof downloadOptions === 'object') {
        const { success: _s, fail: _f, complete: _c, ...asked } = downloadOptions;
        calls.push(asked);
      }
      return startDownload(downloadOptions, settings);
    },
    getFileSystemManager: () => fs,
    env: { USER_DATA_PATH: flavour.paths.userRoot },
    resolvePath: (platformPath) => paths.resolve(platformPath),
    tempDir,
    userDataDir,
    get running() {
      return settings.slots.running;
    },
    calls,
    async dispose() {
      if (ownTemp) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/** A WeChat `wx` double (also right for `tt`, `swan` and `qq`, which follow its shapes). */
export function createWxEmulator(options: EmulatorOptions): MiniProgramEmulator {
  return createEmulator(WX_FLAVOUR, options);
}

/**
 * An Alipay `my` double: `apFilePath` for the temporary file, `headers` in the headers event, and
 * `{ error, errorMessage }` failures; paths look like `https://resource/apml…` and `https://usr/…`.
 */
export function createMyEmulator(options: EmulatorOptions): MiniProgramEmulator {
  return createEmulator(MY_FLAVOUR, options);
}

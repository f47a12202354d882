import { createHash, randomUUID } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import type {
  BlobUtilModule,
  BlobUtilResponse,
  BlobUtilRuntimeTask,
  ReactNativeBlobUtilResponseInfo,
} from '../../src/backends/blob-util-api';
import { BridgeEvents, toJs } from './events';
import { type IosNative, iosFetch } from './ios-request';
import { type NativeHttpResponse, okHttpGet } from './native-http';
import { ProgressConfig, type ProgressEvent } from './progress-config';

export interface BlobUtilEmulatorOptions {
  /** What `fs.dirs.CacheDir` reports (a real directory of the test's). */
  cacheDir: string;
  /** What `fs.dirs.DocumentDir` reports. */
  documentDir: string;
  /** Whose native code to follow (README.md lists the differences); Android unless told. */
  platform?: 'android' | 'ios';
}

/** The error `cancel()` rejects with: the library's `CanceledFetchError` (class/…CanceledFetchError.js). */
export class CanceledFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReactNativeBlobUtilCanceledFetch';
  }
}

/** What `fs.hash` accepts on Android and iOS. */
const HASH_ALGORITHMS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

/** `prepareOutputFile` + `new FileOutputStream(f, append)`: the output file, parents created. */
function openOutput(path: string, overwrite: boolean): number {
  const file = resolve(path);
  const parent = dirname(file);
  if (!existsSync(parent)) mkdirSync(parent, { recursive: true });
  if (existsSync(file) && statSync(file).isDirectory())
    throw new Error(`Output path is a directory: ${file}`);
  return openSync(file, overwrite ? 'w' : 'a');
}

/**
 * A double of react-native-blob-util's native module and its `fetch.js`, behaving as the library does on
 * Android or iOS (see README.md beside this file), doing real HTTP and real file I/O.
 */
export function createBlobUtilEmulator(options: BlobUtilEmulatorOptions) {
  const ios = options.platform === 'ios';
  const stateEvents = new BridgeEvents<ReactNativeBlobUtilResponseInfo>();
  const progressEvents = new BridgeEvents<ProgressEvent>();
  const progressConfigs = new Map<string, ProgressConfig>();
  const calls = new Map<string, AbortController>();

  // The library's own `timeout` option too: iOS turns it into the session's idle timeout.
  type Config = Parameters<BlobUtilModule['config']>[0] & { timeout?: number };

  /** iOS's `emitEventDict` sends each event as a JSON string, which `fetch.js` parses back. */
  const overJson = <T>(body: T): T => JSON.parse(JSON.stringify(body)) as T;

  /** What the iOS request reaches of the module; its events go out as JSON strings. */
  const iosNative: IosNative = {
    emitState: (info) => stateEvents.emit(overJson(info)),
    emitProgress: (event) => progressEvents.emit(overJson(event)),
    progressConfig: (id) => progressConfigs.get(id),
  };

  type NativeCallback = (err: string | null, info?: ReactNativeBlobUtilResponseInfo) => void;

  /**
   * The module's `fetchBlob`: keeps the task where `cancelTask` finds it, runs the platform's request
   * (`ReactNativeBlobUtilReq` on Android, `ReactNativeBlobUtilNetwork` + `ReactNativeBlobUtilRequest` on
   * iOS), and hands the result to JavaScript after the events already sent.
   */
  async function nativeFetch(
    config: Config,
    taskId: string,
    url: string,
    headers: Record<string, string>,
    callback: NativeCallback,
  ): Promise<void> {
    const controller = new AbortController();
    calls.set(taskId, controller);
    const done: NativeCallback = (err, info) => toJs(() => callback(err, info));
    try {
      if (ios) {
        const options = { ...config, path: config.path! };
        await iosFetch(iosNative, options, taskId, url, headers, controller.signal, (err, info) =>
          done(err, info as ReactNativeBlobUtilResponseInfo),
        );
      } else {
        await androidFetch(config, taskId, url, headers, controller.signal, done);
      }
    } finally {
      calls.delete(taskId);
      progressConfigs.delete(taskId);
    }
  }

  /** `ReactNativeBlobUtilReq.run()` for a FileStorage response. */
  async function androidFetch(
    config: Config,
    taskId: string,
    url: string,
    headers: Record<string, string>,
    signal: AbortSignal,
    callback: NativeCallback,
  ): Promise<void> {
    const destPath = config.path!;
    let response: NativeHttpResponse | undefined;
    try {
      const follow = config.followRedirect ?? true;
      try {
        response = await okHttpGet(url, headers, follow, signal);
      } catch {
        if (signal.aborted) return;
        // The interceptor retries once after a socket error before giving up (onFailure).
        response = await okHttpGet(url, headers, follow, signal);
      }
      let fd: number;
      try {
        fd = openOutput(destPath, config.overwrite ?? true);
      } catch {
        // The interceptor swallows the failure and sends the request again unwrapped; done() then drains
        // the body and finds no file behind it.
        response.destroy();
        const again = await okHttpGet(url, headers, follow, signal);
        const info = responseInfo(again, taskId);
        stateEvents.emit(info);
        stateEvents.emit(info);
        for await (const _ of again.body) {
          // drained
        }
        callback('Unexpected FileStorage response file: null', info);
        return;
      }
      const info = responseInfo(response, taskId);
      stateEvents.emit(info);
      stateEvents.emit(info);
      const complete = await writeBody(response, fd, taskId, signal);
      callback(complete ? null : 'Download interrupted.', info);
    } catch (error) {
      if (signal.aborted) return;
      callback((error as Error).message);
    }
  }

  function responseInfo(response: NativeHttpResponse, taskId: string): ReactNativeBlobUtilResponseInfo {
    const type = Object.entries(response.headers).find(([n]) => n.toLowerCase() === 'content-type')?.[1];
    return {
      taskId,
      state: '2',
      headers: { ...response.headers },
      redirects: response.urls,
      status: response.status,
      respType: type?.includes('application/json') ? 'json' : type?.startsWith('text/') ? 'text' : 'blob',
      rnfbEncode: 'path',
      timeout: false,
    };
  }

  /** `ProgressReportingSource.read` over the whole body; true when `isDownloadComplete()`. */
  async function writeBody(
    response: NativeHttpResponse,
    fd: number,
    taskId: string,
    signal: AbortSignal,
  ): Promise<boolean> {
    const length = response.contentLength;
    let downloaded = 0;
    let endMarker = false;
    const report = (progress: number, written: number, total: number) => {
      const config = progressConfigs.get(taskId);
      if (length !== 0 && config?.shouldReport(progress)) progressEvents.emit({ taskId, written, total });
    };
    try {
      for await (const chunk of response.body) {
        if (signal.aborted) return false;
        const bytes = chunk as Buffer;
        writeSync(fd, bytes);
        downloaded += bytes.byteLength;
        if (length !== -1) report(downloaded / length, downloaded, length);
        else report(0, 0, -1);
      }
      endMarker = true;
      if (length === -1) report(1, downloaded, downloaded);
    } catch {
      // done() drains inside a try that ignores every exception; completeness decides below.
    } finally {
      closeSync(fd);
    }
    return downloaded === length || (length === -1 && endMarker);
  }

  function fetch(config: Config, url: string, rawHeaders: Record<string, string> = {}): BlobUtilRuntimeTask {
    // fetch.js: null/undefined header values become ''.
    const headers = Object.fromEntries(Object.entries(rawHeaders).map(([k, v]) => [k, v || '']));
    const taskId = randomUUID().replace(/-/g, '').slice(0, 20);
    let onProgress: ((received: number, total: number) => void) | undefined;
    let onStateChange: ((info: ReactNativeBlobUtilResponseInfo) => void) | undefined;
    let respInfo: ReactNativeBlobUtilResponseInfo | undefined;
    let rejectTask!: (error: Error) => void;

    const progressSub = progressEvents.addListener((e) => {
      if (e.taskId === taskId) onProgress?.(Number(e.written), Number(e.total));
    });
    // fetch.js keeps this task's info, but hands every task's event to the listener.
    const stateSub = stateEvents.addListener((e) => {
      if (e.taskId === taskId) respInfo = e;
      onStateChange?.(e);
    });

    const promise = new Promise<BlobUtilResponse>((resolvePromise, reject) => {
      rejectTask = reject;
      void nativeFetch(config, taskId, url, headers, (err, info) => {
        progressSub.remove();
        stateSub.remove();
        if (err) return reject(new Error(err));
        const finalInfo = respInfo ?? info!;
        const path = config.path!;
        resolvePromise({ taskId, path: () => path, info: () => finalInfo });
      });
    });

    return Object.assign(promise, {
      taskId,
      progress(progressOptions: { count?: number; interval?: number }, callback: typeof onProgress) {
        onProgress = callback;
        // fetch.js: `args[0].interval || 250`, `args[0].count || -1`.
        const interval = progressOptions.interval || 250;
        const count = progressOptions.count || -1;
        progressConfigs.set(taskId, new ProgressConfig(interval, count));
        return promise;
      },
      stateChange(listener: (info: ReactNativeBlobUtilResponseInfo) => void) {
        onStateChange = listener;
        return promise;
      },
      cancel(callback?: (reason: unknown) => void) {
        progressSub.remove();
        stateSub.remove();
        calls.get(taskId)?.abort();
        callback?.(undefined);
        rejectTask(new CanceledFetchError('canceled'));
        return promise;
      },
    }) satisfies BlobUtilRuntimeTask;
  }

  const fs = {
    dirs: { CacheDir: options.cacheDir, DocumentDir: options.documentDir },
    exists: async (path: string) => existsSync(path),
    isDir: async (path: string) => existsSync(path) && statSync(path).isDirectory(),
    async stat(path: string) {
      if (!existsSync(path))
        throw new Error(`failed to stat path \`${path}\` because it does not exist or it is not a folder`);
      const stats = statSync(path);
      return {
        filename: path.slice(path.lastIndexOf('/') + 1),
        path,
        type: stats.isDirectory() ? ('directory' as const) : ('file' as const),
        size: stats.size,
        lastModified: stats.mtimeMs,
      };
    },
    async mv(path: string, dest: string) {
      if (ios) {
        // NSFileManager moveItemAtURL: never replaces; the error's localizedDescription is the message.
        const name = path.slice(path.lastIndexOf('/') + 1);
        const into = dirname(dest).slice(dirname(dest).lastIndexOf('/') + 1);
        if (!existsSync(path) || !existsSync(dirname(dest)))
          throw new Error(
            `“${name}” couldn’t be moved to “${into}” because either the former doesn’t exist, or the folder containing the latter doesn’t exist.`,
          );
        if (existsSync(dest))
          throw new Error(
            `“${name}” couldn’t be moved to “${into}” because an item with the same name already exists.`,
          );
        renameSync(path, dest);
        return true;
      }
      if (!existsSync(path)) throw new Error(`Source file at path \`${path}\` does not exist`);
      if (!existsSync(dirname(dest)))
        throw new Error("mv failed because the destination directory doesn't exist");
      if (existsSync(dest)) rmSync(dest, { force: true });
      renameSync(path, dest);
      return true;
    },
    async unlink(path: string) {
      // iOS: removeItemAtPath's error counts only if the item is still there afterwards.
      if (ios && !existsSync(path)) return;
      if (!existsSync(path)) throw new Error(`Failed to delete '${path}'`);
      if (statSync(path).isDirectory()) rmSync(realpathSync(path), { recursive: true });
      else unlinkSync(path);
    },
    /** `fs.js` `hash` → `ReactNativeBlobUtilFS.hash` (Android) / `hash:algorithm:` (iOS): lowercase hex. */
    async hash(path: string, algorithm: string) {
      if (!HASH_ALGORITHMS.includes(algorithm))
        throw new Error(
          `Invalid algorithm '${algorithm}', must be one of md5, sha1, sha224, sha256, sha384, sha512`,
        );
      if (existsSync(path) && statSync(path).isDirectory())
        throw new Error(`Expecting a file but '${path}' is a directory`);
      if (!existsSync(path))
        // iOS checks first; Android's FileInputStream fails with the platform's wording.
        throw new Error(
          ios ? `No such file '${path}'` : `${path}: open failed: ENOENT (No such file or directory)`,
        );
      const hash = createHash(algorithm);
      for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },
    /**
     * `fs.js` `appendFile` → the module's `writeFile(path, encoding, data, false, append: true)`; only the
     * `uri` encoding (data is a file's path, its bytes are copied) is emulated.
     */
    async appendFile(path: string, data: string | number[], encoding?: string) {
      if (encoding !== 'uri' || typeof data !== 'string')
        throw new Error(`the emulator's appendFile takes only the 'uri' encoding, not ${encoding}`);
      const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
      if (ios && isDir(path)) throw new Error(`Expecting a file but '${path}' is a directory`);
      if (!existsSync(path)) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, '');
      }
      if (ios) {
        // writeFileFromFile: a source that cannot be opened reads -1, which is resolved as the size.
        if (!existsSync(data) || isDir(data)) return -1;
      } else {
        if (!existsSync(data)) throw new Error(`No such file '${path}' ('${data}')`);
        // new FileInputStream(src) / new FileOutputStream(f, true) on a directory: FileNotFoundException.
        if (isDir(data) || isDir(path))
          throw new Error(`File '${path}' does not exist and could not be created, or it is a directory`);
      }
      const bytes = readFileSync(data);
      appendFileSync(path, bytes);
      return bytes.byteLength;
    },
  };

  return {
    config: (config: Config) => ({
      fetch: (_method: 'GET', url: string, headers?: Record<string, string>) => fetch(config, url, headers),
    }),
    fs,
  } satisfies BlobUtilModule;
}

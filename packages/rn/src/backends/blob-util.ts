import { errorMessage, reportError } from '@dl/core';
import { NativeFailure, type NativeFileBackend, type NativeTransfer } from '../backend';
import { hexToBase64 } from '../base64';
import type {
  BlobUtilModule,
  BlobUtilResponse,
  BlobUtilRuntimeTask,
  ReactNativeBlobUtilResponseInfo,
} from './blob-util-api';

/**
 * How often the library reports progress: at most about 100 events a download (`count`), at least 1 ms
 * apart (`interval`; the library treats 0 as "use the default of 250 ms", which would starve a fast
 * download of events). dl's core then keeps one event per percent.
 */
const BLOB_UTIL_PROGRESS = { count: 100, interval: 1 } as const;

/** Messages by which react-native-blob-util says it could not write the file (Android and iOS). */
const FILE_SYSTEM_MESSAGES = [
  'Unexpected FileStorage response',
  "Couldn't create",
  'Invalid output path',
  'Output path is a directory',
  'write file error',
];

/** The library's failure as a {@link NativeFailure}: file-system trouble or, otherwise, the network. */
export function toNativeFailure(error: unknown): NativeFailure {
  const message = errorMessage(error);
  const kind = FILE_SYSTEM_MESSAGES.some((m) => message.includes(m)) ? 'file-system' : 'network';
  return new NativeFailure(kind, message || 'unknown error', { cause: error });
}

/**
 * Runs dl's handler of a native event: an exception thrown into the library's event callback is fatal in
 * React Native, so it is reported instead.
 */
function guarded(handler: () => void): void {
  try {
    handler();
  } catch (error) {
    reportError(error);
  }
}

/** Header values as strings; the library passes the platform's map through (names in its casing). */
function toStringRecord(headers: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined && value !== null) record[name] = String(value);
    }
  }
  return record;
}

/** A NativeFileBackend over react-native-blob-util (`ReactNativeBlobUtil` or an object of its shape). */
export function createBlobUtilBackend(blobUtil: BlobUtilModule): NativeFileBackend {
  const fs = blobUtil.fs;
  return {
    cacheDir: () => fs.dirs.CacheDir,

    fetchToFile(request): NativeTransfer {
      // followRedirect false: the driver counts hops; overwrite: a reused part file starts empty.
      const task = blobUtil
        .config({ path: request.toFile, overwrite: true, followRedirect: false })
        .fetch('GET', request.url, { ...request.headers }) as BlobUtilRuntimeTask;
      let responded = false;
      const respond = (info: ReactNativeBlobUtilResponseInfo) => {
        // The library hands every task's state events to every listener, and Android sends each twice.
        if (responded || info.taskId !== task.taskId) return;
        responded = true;
        guarded(() => request.onResponse(Number(info.status), toStringRecord(info.headers)));
      };
      task.stateChange(respond);
      task.progress(BLOB_UTIL_PROGRESS, (received, total) =>
        guarded(() => request.onProgress(received, total)),
      );
      const done = task.then(
        async (response: BlobUtilResponse) => {
          const info = response.info();
          respond(info);
          // iOS ignores every failure to create or open the output file and reports success with the
          // bytes gone nowhere (ReactNativeBlobUtilRequest configureWriteStream), so look for the file.
          if (!(await fs.exists(request.toFile)) || (await fs.isDir(request.toFile))) {
            throw new NativeFailure('file-system', `write file error: nothing saved at ${request.toFile}`);
          }
          return { statusCode: Number(info.status), headers: toStringRecord(info.headers) };
        },
        (error: unknown) => {
          throw toNativeFailure(error);
        },
      );
      return {
        done,
        cancel: () => {
          task.cancel();
        },
      };
    },

    isDir: (path) => fs.isDir(path),
    size: async (path) => Number((await fs.stat(path)).size),
    async move(from, to) {
      // Android's mv replaces the target; iOS's refuses an existing one, so clear it first there.
      try {
        await fs.mv(from, to);
      } catch {
        if (await fs.exists(to)) await fs.unlink(to);
        await fs.mv(from, to).catch((error: unknown) => {
          throw new NativeFailure('file-system', errorMessage(error));
        });
      }
    },
    async remove(path) {
      if (await fs.exists(path)) await fs.unlink(path);
    },
    async append(to, from) {
      try {
        const before = (await fs.exists(to)) ? Number((await fs.stat(to)).size) : 0;
        const adding = Number((await fs.stat(from)).size);
        // Encoding 'uri': the data is the path of a file whose bytes are appended (streamed natively).
        await fs.appendFile(to, from, 'uri');
        // iOS reports an unreadable source as -1 bytes written and ignores write errors: count what arrived.
        const after = Number((await fs.stat(to)).size);
        if (after !== before + adding) throw new Error(`appended ${after - before} of ${adding} bytes`);
      } catch (error) {
        throw new NativeFailure('file-system', `write file error: ${errorMessage(error)}`, { cause: error });
      }
    },
    async digest(path, algorithm) {
      try {
        return hexToBase64(await fs.hash(path, algorithm));
      } catch (error) {
        throw new NativeFailure('file-system', errorMessage(error), { cause: error });
      }
    },
  };
}

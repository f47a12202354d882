import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ReactNativeBlobUtilResponseInfo } from '../../src/backends/blob-util-api';
import type { ProgressConfig, ProgressEvent } from './progress-config';
import { URL_SESSION_DEFAULT_TIMEOUT_MS, type UrlSessionResponse, urlSessionGet } from './url-session';

/** What `ReactNativeBlobUtilRequest` reaches of the module: its event channels and the task table. */
export interface IosNative {
  emitState(info: ReactNativeBlobUtilResponseInfo): void;
  emitProgress(event: ProgressEvent): void;
  /** `request.progressConfig`, set by `enableProgressReport` (nil until then: nothing is reported). */
  progressConfig(taskId: string): ProgressConfig | undefined;
}

export interface IosFetchOptions {
  path: string;
  overwrite?: boolean;
  followRedirect?: boolean;
  timeout?: number;
}

/** The native callback's arguments that `fetch.js` reads: the error message and the `{ status }` fallback. */
export type IosCallback = (err: string | null, info: { status: number }) => void;

/** `respType` as `didReceiveResponse` picks it from the `Content-Type`. */
function respTypeOf(headers: Record<string, string>): string {
  const type = Object.entries(headers)
    .find(([name]) => name.toLowerCase() === 'content-type')?.[1]
    ?.toLowerCase();
  if (type === undefined) return 'text';
  if (type.includes('text/')) return 'text';
  if (type.includes('application/json')) return 'json';
  return 'blob';
}

/**
 * `configureWriteStream`: creates the folder and an empty file, opens an `NSOutputStream`. Every failure is
 * silent — `createDirectoryAtPath`/`createFileAtPath` errors are ignored and a stream that cannot open just
 * fails its writes — so `undefined` here means "the bytes go nowhere", not an error.
 */
function configureWriteStream(path: string, overwrite: boolean): number | undefined {
  const file = resolve(path);
  try {
    if (!existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true });
  } catch {
    // error:nil
  }
  try {
    if (!existsSync(file)) writeFileSync(file, '');
  } catch {
    // createFileAtPath returns NO, unchecked
  }
  try {
    return openSync(file, overwrite ? 'w' : 'a');
  } catch {
    return undefined;
  }
}

/**
 * `ReactNativeBlobUtilRequest` for a download to `path`: the `NSURLSession` delegate from the request to
 * the callback, over real HTTP and a real file.
 */
export async function iosFetch(
  native: IosNative,
  options: IosFetchOptions,
  taskId: string,
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  callback: IosCallback,
): Promise<void> {
  const followRedirect = options.followRedirect ?? true;
  const timeout =
    options.timeout !== undefined && options.timeout > 0 ? options.timeout : URL_SESSION_DEFAULT_TIMEOUT_MS;
  const cancelled = () => signal.aborted;
  let response: UrlSessionResponse;
  try {
    response = await urlSessionGet(url, headers, followRedirect, timeout, signal);
  } catch (error) {
    callback(cancelled() ? 'task cancelled' : (error as Error).message, { status: 0 });
    return;
  }
  // didReceiveResponse: the state event, once, for the response the task ends with.
  const expectedBytes = response.expectedContentLength;
  native.emitState({
    taskId,
    state: '2',
    headers: response.headers,
    redirects: response.urls,
    respType: respTypeOf(response.headers),
    timeout: false,
    status: response.status,
  } as ReactNativeBlobUtilResponseInfo);
  const fd = configureWriteStream(options.path, options.overwrite ?? true);

  let receivedBytes = 0;
  let errMsg: string | null = null;
  const onCancel = () => response.destroy();
  signal.addEventListener('abort', onCancel, { once: true });
  try {
    // didReceiveData:
    for await (const data of response.body) {
      receivedBytes += data.byteLength;
      if (fd !== undefined) {
        try {
          writeSync(fd, data);
        } catch {
          // [writeStream write:] returns -1, unchecked
        }
      }
      if (expectedBytes === 0) continue;
      const now = expectedBytes !== -1 ? Math.fround(receivedBytes / expectedBytes) : 0;
      if (native.progressConfig(taskId)?.shouldReport(now)) {
        native.emitProgress(
          expectedBytes === -1
            ? { taskId, written: 0, total: expectedBytes }
            : { taskId, written: receivedBytes, total: expectedBytes },
        );
      }
    }
  } catch (error) {
    errMsg = cancelled() ? 'task cancelled' : (error as Error).message;
  } finally {
    signal.removeEventListener('abort', onCancel);
  }
  // didCompleteWithError: a body of unknown length gets its one real count at the end.
  if (errMsg === null && expectedBytes === -1 && native.progressConfig(taskId)?.shouldReport(1)) {
    native.emitProgress({ taskId, written: receivedBytes, total: receivedBytes });
  }
  if (fd !== undefined) closeSync(fd);
  callback(errMsg, { status: response.status });
}

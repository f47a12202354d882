import type ReactNativeBlobUtil from 'react-native-blob-util';
import type {
  Dirs,
  FetchBlobResponse,
  FS,
  ReactNativeBlobUtilConfig,
  ReactNativeBlobUtilResponseInfo,
  StatefulPromise,
} from 'react-native-blob-util';

/**
 * The part of react-native-blob-util's API that dl uses, cut out of the library's own type definitions
 * with `Pick<>`, so a change there breaks the build instead of a download. The test emulator implements
 * exactly this type too, so it cannot drift from the real module either.
 */
export interface BlobUtilModule {
  config(options: Pick<ReactNativeBlobUtilConfig, 'path' | 'overwrite' | 'followRedirect'>): {
    fetch(method: 'GET', url: string, headers?: { [key: string]: string }): BlobUtilFetchTask;
  };
  fs: Pick<FS, 'exists' | 'isDir' | 'mv' | 'unlink' | 'stat' | 'appendFile' | 'hash'> & {
    dirs: Pick<Dirs, 'CacheDir' | 'DocumentDir'>;
  };
}

/** The response a fetch resolves with. */
export type BlobUtilResponse = Pick<FetchBlobResponse, 'taskId' | 'path' | 'info'>;

/** What `fetch` returns, as the library's types declare it. */
export type BlobUtilFetchTask = Promise<BlobUtilResponse> & {
  /** `StatefulPromise.cancel`: stops the request; the task rejects. */
  cancel(callback?: StatefulPromiseCancelCallback): unknown;
  progress(
    config: { count?: number; interval?: number },
    callback: (received: number, total: number) => void,
  ): unknown;
};

/**
 * Two members every fetch task has at run time (set in the library's `fetch.js`) that its `index.d.ts`
 * leaves out: `taskId`, and `stateChange(fn)`, which receives the response info (status, headers) as soon
 * as the response head arrives — the only way this library tells the headers before the body.
 */
export interface BlobUtilRuntimeTask extends BlobUtilFetchTask {
  taskId: string;
  stateChange(listener: (info: ReactNativeBlobUtilResponseInfo) => void): unknown;
}

type StatefulPromiseCancelCallback = NonNullable<Parameters<StatefulPromise<FetchBlobResponse>['cancel']>[0]>;

export type { ReactNativeBlobUtilResponseInfo };

// The real module must be usable where dl expects a BlobUtilModule; this line stops the build if not.
type Expect<T extends true> = T;
export type RealModuleFits = Expect<typeof ReactNativeBlobUtil extends BlobUtilModule ? true : false>;

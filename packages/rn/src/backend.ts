import type { IntegrityAlgorithm } from '@dl/types';

/**
 * What the task logic needs from a React Native file-system library. Each library (react-native-blob-util
 * today; another for Expo if one ever gives the response headers before the body) gets a small
 * implementation in `src/backends/`, so the download logic in `driver.ts` never names a library.
 *
 * Paths here are plain absolute paths (`/data/user/0/app/cache/x`), never `file://` URLs: the driver
 * converts at its edges.
 */
export interface NativeFileBackend {
  /** The app's cache directory, where downloads without a `filePath` go. */
  cacheDir(): string;
  /**
   * One HTTP GET saved into `toFile` (created or truncated), *without* following redirects: the
   * driver follows them itself so it can apply the contract's limit of 15 (and keep credentials on the
   * first origin). Whatever was written stays when the transfer fails or is cancelled.
   */
  fetchToFile(request: NativeRequest): NativeTransfer;
  isDir(path: string): Promise<boolean>;
  /** Size in bytes of a file. */
  size(path: string): Promise<number>;
  /** Moves a file onto `to`, replacing what was there. */
  move(from: string, to: string): Promise<void>;
  /** Removes a file; removing one that is not there is not an error. */
  remove(path: string): Promise<void>;
  /** Appends the bytes of the file `from` to the file `to`; fails unless all of them arrived. */
  append(to: string, from: string): Promise<void>;
  /** The base64 digest of a file's bytes (Subresource Integrity's form). */
  digest(path: string, algorithm: IntegrityAlgorithm): Promise<string>;
}

export interface NativeRequest {
  url: string;
  headers: Readonly<Record<string, string>>;
  toFile: string;
  /** The response's status and headers (names as the platform gives them): once, before its body. */
  onResponse(statusCode: number, headers: Record<string, string>): void;
  /** Bytes saved so far and the body's length; `total <= 0` when the platform does not know it. */
  onProgress(written: number, total: number): void;
}

export interface NativeTransfer {
  /** Settles when the body is saved (any HTTP status) or the transfer failed. */
  readonly done: Promise<NativeResponse>;
  /** Stops the transfer; `done` then rejects. */
  cancel(): void;
}

export interface NativeResponse {
  statusCode: number;
  headers: Record<string, string>;
}

/** How a backend failed, in the library's words, so the driver can pick the contract's error code. */
export class NativeFailure extends Error {
  override readonly name = 'NativeFailure';
  constructor(
    readonly kind: 'network' | 'file-system',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message);
    // Set here, not through Error's options, which older runtimes ignore.
    if (options && options.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: options.cause, configurable: true, writable: true });
    }
  }
}

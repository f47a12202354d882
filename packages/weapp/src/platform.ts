/** Callbacks every platform API takes. */
interface PlatformCallbacks<T> {
  success?: (result: T) => void;
  fail?: (result: import('./errno').PlatformFailResult) => void;
}

/** The headers event: WeChat gives `header` (and `statusCode` on devices); Alipay gives `headers`. */
export interface PlatformHeadersEvent {
  header?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  statusCode?: number;
}

export interface PlatformProgressEvent {
  progress?: number;
  totalBytesWritten?: number;
  totalBytesExpectedToWrite?: number;
}

/** The success result: WeChat's `tempFilePath`, Alipay's `apFilePath`, and what else a platform adds. */
export interface PlatformDownloadSuccess {
  statusCode?: number;
  tempFilePath?: string;
  apFilePath?: string;
  filePath?: string;
  header?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  dataLength?: number;
  profile?: Record<string, unknown>;
}

export interface PlatformDownloadTask {
  abort(): void;
  onHeadersReceived?(listener: (event: PlatformHeadersEvent) => void): void;
  onProgressUpdate?(listener: (event: PlatformProgressEvent) => void): void;
}

/** The subset of `getFileSystemManager()` the adapter uses. */
export interface PlatformFileSystem {
  stat?(options: { path: string } & PlatformCallbacks<{ stats: { size: number } }>): void;
  saveFile?(
    options: { tempFilePath: string; filePath: string } & PlatformCallbacks<{ savedFilePath?: string }>,
  ): void;
  rename?(options: { oldPath: string; newPath: string } & PlatformCallbacks<unknown>): void;
  unlink?(options: { filePath: string } & PlatformCallbacks<unknown>): void;
}

/** A `wx`-like object: WeChat's `wx`, Alipay's `my`, Douyin's `tt`, Baidu's `swan`, QQ's `qq`. */
export interface MiniProgramPlatform {
  downloadFile(
    options: Record<string, unknown> & PlatformCallbacks<PlatformDownloadSuccess>,
  ): PlatformDownloadTask | undefined;
  getFileSystemManager?(): PlatformFileSystem;
}

const GLOBAL_NAMES = ['wx', 'qq', 'tt', 'swan', 'my'] as const;

/** The platform object of the running mini-program: `wx` first, then its relatives. */
export function findGlobalPlatform(): MiniProgramPlatform | undefined {
  const scope = globalThis as Record<string, unknown>;
  for (const name of GLOBAL_NAMES) {
    const candidate = scope[name] as MiniProgramPlatform | undefined;
    if (candidate && typeof candidate.downloadFile === 'function') return candidate;
  }
  return undefined;
}

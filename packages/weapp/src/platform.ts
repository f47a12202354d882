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

// The platform objects as the runtimes declare them: lexical globals in some (a `globalThis` property
// lookup misses those), properties of the global object in others. `typeof` finds both and never throws.
declare const wx: unknown;
declare const qq: unknown;
declare const tt: unknown;
declare const swan: unknown;
declare const my: unknown;

/** The candidates in order: `wx` first (its relatives often define `wx` too), then the others. */
function globalCandidates(): unknown[] {
  return [
    typeof wx !== 'undefined' ? wx : undefined,
    typeof qq !== 'undefined' ? qq : undefined,
    typeof tt !== 'undefined' ? tt : undefined,
    typeof swan !== 'undefined' ? swan : undefined,
    typeof my !== 'undefined' ? my : undefined,
  ];
}

/** The platform object of the running mini-program: `wx` first, then its relatives. */
export function findGlobalPlatform(): MiniProgramPlatform | undefined {
  for (const candidate of globalCandidates()) {
    const platform = candidate as MiniProgramPlatform | undefined;
    if (platform && typeof platform.downloadFile === 'function') return platform;
  }
  return undefined;
}

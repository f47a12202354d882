import type { PlatformFailResult } from './errno';

/*
 * The platform objects as the adapter uses them, typed structurally and loosely enough that `wx`, `my`,
 * `tt`, `swan` and `qq` fit as their own typings declare them (miniprogram-api-typings, @mini-types/alipay,
 * @douyin-microapp/typings), with no cast. The rule: what the adapter passes in is typed by what it
 * passes (so it fits the platform's option types), what the platform hands back is typed by the little
 * the adapter reads (every field optional, nothing narrower than any platform gives). Callbacks and
 * methods use method syntax, whose parameters TypeScript compares both ways, as the platforms' own do.
 */

/** Callbacks every platform API takes; `success` receives what that API gives, read as `T`. */
interface PlatformCallbacks<T> {
  success?(result: T): void;
  fail?(result: PlatformFailResult): void;
}

/** The headers event: WeChat gives `header` (and `statusCode` on devices); Alipay gives `headers`. */
export interface PlatformHeadersEvent {
  header?: object;
  headers?: object;
  statusCode?: number;
}

/** A progress event: the same three fields on every platform. */
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
  header?: object;
  headers?: object;
  dataLength?: number;
  profile?: object;
}

/**
 * What the adapter passes to the platform's `downloadFile`: the contract's fields, validated (header
 * values as strings), and any platform option the caller gave (`enableHttp2`, …) as it was given.
 */
export interface PlatformDownloadOptions extends PlatformCallbacks<PlatformDownloadSuccess> {
  url: string;
  header?: Record<string, string>;
  timeout?: number;
  filePath?: string;
  /** A platform option the contract does not name, passed through. */
  [option: string]: unknown;
}

/** The task a platform's `downloadFile` returns; only `abort` is on every platform. */
export interface PlatformDownloadTask {
  /** Alipay's typings want an argument; the adapter calls it with none, as WeChat's. */
  abort(...options: never[]): unknown;
  onHeadersReceived?(listener: (event: PlatformHeadersEvent) => void): void;
  onProgressUpdate?(listener: (event: PlatformProgressEvent) => void): void;
}

/** What `stat` gives: `stats` is one file's (or, for a directory with `recursive`, a list). */
export interface PlatformStatResult {
  stats?: { size?: number } | readonly unknown[];
}

/** The subset of `getFileSystemManager()` the adapter uses. */
export interface PlatformFileSystem {
  stat?(options: { path: string } & PlatformCallbacks<PlatformStatResult>): void;
  saveFile?(
    options: { tempFilePath: string; filePath: string } & PlatformCallbacks<{ savedFilePath?: string }>,
  ): void;
  rename?(options: { oldPath: string; newPath: string } & PlatformCallbacks<unknown>): void;
  unlink?(options: { filePath: string } & PlatformCallbacks<unknown>): void;
  /**
   * Without `encoding` the bytes come as an ArrayBuffer. `position` and `length` (WeChat 2.10.0+, Douyin)
   * read one range; platforms that do not document them (Alipay) read the whole file.
   */
  readFile?(
    options: {
      filePath: string;
      position?: number;
      length?: number;
    } & PlatformCallbacks<PlatformReadFileResult>,
  ): void;
}

/** What `readFile` gives: the bytes (an ArrayBuffer, perhaps of another realm) or, with an encoding, text. */
export interface PlatformReadFileResult {
  data?: unknown;
}

/** A `wx`-like object: WeChat's `wx`, Alipay's `my`, Douyin's `tt`, Baidu's `swan`, QQ's `qq`. */
export interface MiniProgramPlatform {
  downloadFile(options: PlatformDownloadOptions): PlatformDownloadTask | undefined;
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

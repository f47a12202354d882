import { deliver } from './callbacks';
import { type FailureKind, PlatformFailure, toFailure } from './failures';
import type { Flavour } from './flavour';
import { Listeners } from './listeners';
import type { PathSpace } from './paths';
import { type ProgressEvent, type ProgressWithoutLength, transfer } from './transfer';

/**
 * A result or event object: its shape depends on the flavour (WeChat's `errMsg`/`tempFilePath`, Alipay's
 * `error`/`apFilePath`), so callers read the fields their platform documents.
 */
// biome-ignore lint/suspicious/noExplicitAny: the shape is the flavour's, documented per platform
export type PlatformResult = any;

/** The options `downloadFile` reads; anything else (enableHttp2, enableQuic, …) is accepted and recorded. */
export interface PlatformDownloadOptions {
  url: string;
  header?: Record<string, unknown>;
  timeout?: number;
  filePath?: string;
  enableProfile?: boolean;
  success?: (result: PlatformResult) => void;
  fail?: (result: PlatformResult) => void;
  complete?: (result: PlatformResult) => void;
  [option: string]: unknown;
}

/** The task `downloadFile` returns, with the methods of the real DownloadTask. */
export interface PlatformDownloadTask {
  abort(): void;
  onHeadersReceived(listener: (result: PlatformResult) => void): void;
  offHeadersReceived(listener?: (result: PlatformResult) => void): void;
  onProgressUpdate(listener: (result: ProgressEvent) => void): void;
  offProgressUpdate(listener?: (result: ProgressEvent) => void): void;
}

/** The emulator's settings a download reads. */
export interface DownloadSettings {
  paths: PathSpace;
  flavour: Flavour;
  maxConcurrent: number;
  maxRedirects: number;
  maxFileSize: number;
  progressWithoutLength: ProgressWithoutLength;
  statusCodeInHeadersEvent: boolean;
  /** Tasks running now, shared by every call on one emulator. */
  slots: { running: number };
}

export const DEFAULT_TIMEOUT_MS = 60_000;

/** Starts one download the way the platform does; callbacks and events always come asynchronously. */
export function startDownload(
  options: PlatformDownloadOptions,
  settings: DownloadSettings,
): PlatformDownloadTask {
  const { flavour, paths, slots } = settings;
  const opts: PlatformDownloadOptions =
    options !== null && typeof options === 'object' ? options : ({} as never);
  const headers = new Listeners<object>();
  const progress = new Listeners<ProgressEvent>();
  const controller = new AbortController();
  let settled = false;
  let holdsSlot = false;

  const finish = (outcome: 'success' | 'fail', result: object) => {
    if (settled) return;
    settled = true;
    if (holdsSlot) slots.running--;
    headers.clear();
    progress.clear();
    deliver(opts, outcome, result);
  };
  const failWith = (kind: FailureKind, reason: string) =>
    finish('fail', flavour.failure('downloadFile', kind, reason));

  const task: PlatformDownloadTask = {
    abort: () => {
      if (!settled) controller.abort();
    },
    onHeadersReceived: (fn) => headers.on(fn),
    offHeadersReceived: (fn) => headers.off(fn),
    onProgressUpdate: (fn) => progress.on(fn),
    offProgressUpdate: (fn) => progress.off(fn),
  };

  const problem = checkUrl(opts.url);
  if (!problem && slots.running >= settings.maxConcurrent) {
    // The platform's own limit: the call fails, it does not wait.
    setTimeout(() => failWith('too-many-tasks', `exceed max task count ${settings.maxConcurrent}`));
    return task;
  }
  if (!problem) {
    slots.running++;
    holdsSlot = true;
  }

  setTimeout(async () => {
    if (problem) return failWith(problem.kind, problem.reason);
    if (controller.signal.aborted) return failWith('abort', 'abort');
    let target: { path: string; real: string };
    try {
      target =
        typeof opts.filePath === 'string'
          ? { path: opts.filePath, real: paths.writable(opts.filePath) }
          : paths.newTempFile(opts.url);
    } catch (error) {
      return failWith('file-system', error instanceof Error ? error.message : String(error));
    }
    try {
      const result = await transfer({
        url: opts.url,
        header: stringValues(opts.header),
        timeout: typeof opts.timeout === 'number' && opts.timeout > 0 ? opts.timeout : DEFAULT_TIMEOUT_MS,
        target: target.real,
        targetLabel: target.path,
        signal: controller.signal,
        maxRedirects: settings.maxRedirects,
        maxFileSize: settings.maxFileSize,
        progressWithoutLength: settings.progressWithoutLength,
        onHeaders: (statusCode, header, cookies) => {
          const status = settings.statusCodeInHeadersEvent ? statusCode : undefined;
          headers.emit(flavour.headersEvent(status, header, cookies));
        },
        onProgress: (event) => {
          if (!controller.signal.aborted) progress.emit(event);
        },
      });
      const saved =
        typeof opts.filePath === 'string' ? { filePath: opts.filePath } : { tempFilePath: target.path };
      finish('success', flavour.downloadSuccess(result, saved, opts.enableProfile !== false));
    } catch (error) {
      const failure = toFailure(error);
      failWith(failure.kind, failure.reason);
    }
  });
  return task;
}

function checkUrl(url: unknown): PlatformFailure | undefined {
  if (typeof url !== 'string' || url === '') return new PlatformFailure('invalid-url', 'invalid url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new PlatformFailure('invalid-url', 'invalid url');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return new PlatformFailure('url-scheme', 'url scheme is invalid');
  return undefined;
}

function stringValues(header: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (header && typeof header === 'object')
    for (const [name, value] of Object.entries(header))
      if (value !== undefined && value !== null) out[name] = String(value);
  return out;
}

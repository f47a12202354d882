import {
  asyncDriver,
  type DownloadDriver,
  type DownloadError,
  type DownloadJob,
  expectedBodyLength,
  invalidArgument,
  isDownloadError,
  networkError,
  type SavedFile,
} from '@dl/core';
import type { AbortSignalLike, ResponseHeaders } from '@dl/types';
import { asFailResult, type PlatformFailResult, toFileManagerError, toPlatformFailure } from './errno';
import { canMove, fileSize, moveInto, removeFile } from './file-ops';
import { hashFile } from './hash-file';
import { HASHER_NEEDED, type IntegrityHasher } from './hasher';
import { readHeadersEvent, savedTempPath, successHeaders } from './normalize';
import { platformTimeout, type WeappPlatformOptions } from './options';
import type {
  MiniProgramPlatform,
  PlatformDownloadOptions,
  PlatformDownloadSuccess,
  PlatformDownloadTask,
} from './platform';

export interface WeappDriverConfig {
  /** The platform object (`wx`, `my`, …), looked up when a download starts. */
  platform: () => MiniProgramPlatform | undefined;
  /** First wait before trying again when the platform has no free task slot; doubles up to 1 s. @default 100 */
  busyRetryMs?: number;
  /** Checks the `integrity` option (`sha2` from `@dl/weapp/integrity`); without it the option is refused. */
  hasher?: IntegrityHasher | undefined;
}

type Attempt =
  | {
      ok: true;
      result: PlatformDownloadSuccess;
      header?: ResponseHeaders | undefined;
      statusCode?: number | undefined;
      written: number;
    }
  | { ok: false; error: DownloadError; busy: boolean };

/**
 * The mini-program platform: the platform's own `downloadFile` does the transfer; the driver turns its
 * callbacks and events into the job's reports, tries again when the platform is out of task slots, and
 * moves a finished file into `filePath` itself so the caller's name never holds a partial file.
 */
export function createWeappDriver(config: WeappDriverConfig): DownloadDriver<WeappPlatformOptions> {
  const firstWait = config.busyRetryMs ?? 100;

  async function download(job: DownloadJob<WeappPlatformOptions>): Promise<void> {
    const platform = config.platform();
    if (!platform || typeof platform.downloadFile !== 'function')
      throw networkError('no mini-program platform object (wx, my, tt, swan, qq) to download with');
    const fs = platform.getFileSystemManager?.();
    // Refused before any request: the file could be saved but never checked.
    if (job.integrity && !config.hasher) throw invalidArgument(`integrity: ${HASHER_NEEDED}`);
    if (job.integrity && typeof fs?.readFile !== 'function')
      throw invalidArgument('integrity needs the platform to read files (getFileSystemManager().readFile)');
    // With a file-system manager the platform downloads to a temporary file and the driver moves it.
    const atomic = job.filePath !== undefined && canMove(fs);

    let attempt: Attempt;
    for (let tries = 0; ; tries++) {
      if (job.signal.aborted) throw job.signal.reason;
      attempt = await attemptOnce(job, platform, atomic ? undefined : job.filePath);
      if (attempt.ok || !attempt.busy || job.signal.aborted) break;
      // Other code of the app holds the platform's slots: wait for one instead of failing.
      await sleep(Math.min(firstWait * 2 ** tries, 1_000), job.signal);
    }
    if (!attempt.ok) throw attempt.error;

    const { result } = attempt;
    const header = attempt.header ?? successHeaders(result) ?? {};
    // Every platform but the oldest Alipay clients reports the status; 0 says it is unknown.
    const statusCode = result.statusCode ?? attempt.statusCode ?? 0;
    const tempPath = savedTempPath(result);
    const saved: SavedFile = { statusCode, header, dataLength: 0 };
    if (result.profile && typeof result.profile === 'object')
      saved.profile = result.profile as Record<string, unknown>;

    // Where the platform put the bytes: its temporary file, or `filePath` when it wrote there itself.
    const savedPath = atomic ? tempPath : (job.filePath ?? tempPath);
    if (!savedPath) throw networkError('the platform reported no saved file');
    const size = await fileSize(fs, savedPath);
    saved.dataLength = size ?? result.dataLength ?? attempt.written;
    let digest: string | undefined;
    if (job.integrity && fs && config.hasher) {
      try {
        digest = await hashFile(fs, savedPath, size, config.hasher, job.integrity.algorithm, job.signal);
      } catch (raw) {
        await removeFile(fs, savedPath);
        throw isDownloadError(raw) ? raw : toFileManagerError(asFailResult(raw));
      }
    }
    // From here the task cannot be aborted: a caller's existing file is replaced whole or not at all.
    // A digest that does not match refuses the commit too: the file goes, the task fails with INTEGRITY.
    if (!job.commit(digest)) {
      await removeFile(fs, savedPath);
      throw job.signal.reason;
    }
    if (atomic) {
      try {
        await moveInto(fs, savedPath, job.filePath);
      } catch (raw) {
        await removeFile(fs, savedPath);
        throw toFileManagerError(raw as PlatformFailResult);
      }
    }
    if (job.filePath !== undefined) saved.filePath = job.filePath;
    else saved.tempFilePath = savedPath;
    job.succeed(saved);
  }

  return asyncDriver(download, {
    async discard(saved) {
      const path = saved.filePath ?? saved.tempFilePath;
      if (path) await removeFile(config.platform()?.getFileSystemManager?.(), path);
    },
  });
}

/** One call of the platform's `downloadFile`, settled by its success or fail callback. */
function attemptOnce(
  job: DownloadJob<WeappPlatformOptions>,
  platform: MiniProgramPlatform,
  filePath: string | undefined,
): Promise<Attempt> {
  return new Promise<Attempt>((resolve) => {
    let header: ResponseHeaders | undefined;
    let statusCode: number | undefined;
    let expected = 0;
    let written = 0;
    let task: PlatformDownloadTask | undefined;
    let settled = false;
    const onAbort = () => task?.abort();
    const settle = (attempt: Attempt) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      resolve(attempt);
    };

    const options: PlatformDownloadOptions = {
      // WeChat's own options (enableHttp2, …) and any other the contract does not name, as given.
      ...job.extra,
      url: job.url,
      header: { ...job.header },
      success: (result: PlatformDownloadSuccess) =>
        settle({ ok: true, result: result ?? {}, header, statusCode, written }),
      fail: (raw: PlatformFailResult) => settle({ ok: false, ...toPlatformFailure(raw) }),
    };
    const timeout = platformTimeout(job.options.timeout);
    if (timeout !== undefined) options.timeout = timeout;
    if (filePath !== undefined) options.filePath = filePath;

    // Listening first: a platform may call success or fail before downloadFile returns.
    job.signal.addEventListener('abort', onAbort, { once: true });
    try {
      task = platform.downloadFile(options);
    } catch (thrown) {
      // Whatever the platform throws (an Error or a fail-shaped object) is normalised like a fail result.
      settle({ ok: false, ...toPlatformFailure(asFailResult(thrown)) });
      return;
    }
    if (settled) return;

    task?.onHeadersReceived?.((event) => {
      const received = readHeadersEvent(event);
      header = received.header;
      // A content-encoded body is decoded on the way: its Content-Length counts bytes nobody sees.
      expected = expectedBodyLength(received.header);
      statusCode = received.statusCode;
      // Without a status (WeChat's developer tools) the task sends headers with the result instead.
      if (statusCode !== undefined) job.headers(statusCode, received.header);
    });
    task?.onProgressUpdate?.((event) => {
      const bytes = Number(event?.totalBytesWritten);
      if (Number.isFinite(bytes) && bytes > written) written = bytes;
      // Before headers, the platform's own length is all there is; it may be -1 or wrong (core tames it).
      job.progress(written, header ? expected : Math.max(Number(event?.totalBytesExpectedToWrite), 0));
    });
  });
}

/** Waits, or stops waiting when the job is aborted. */
function sleep(ms: number, signal: AbortSignalLike): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

import type { AbortSignalLike, DownloadFileOptions, IntegrityAlgorithm, ResponseHeaders } from '@dl/types';
import type { DownloadError } from './errors';

/** What a driver reports once the file is saved. */
export interface SavedFile {
  statusCode: number;
  header: ResponseHeaders;
  /** Where the bytes are, when the caller gave no `filePath`. */
  tempFilePath?: string;
  /** The caller's `filePath`, once the bytes are there. */
  filePath?: string;
  /** Size in bytes of the saved file. */
  dataLength: number;
  profile?: Record<string, unknown>;
}

/**
 * One download handed to a platform driver. The driver reports what happens; `@dl/core` turns the
 * reports into the contract (order, progress rules, callbacks, promise), so drivers stay platform code.
 */
export interface DownloadJob<Extra extends object = object> {
  /** Validated absolute http(s) URL. */
  readonly url: string;
  /** Validated request headers (with `Range` and `If-Range` when this attempt continues saved bytes). */
  readonly header: Readonly<Record<string, string>>;
  /**
   * Set when this attempt continues bytes an earlier one saved (`saving`): the body goes at
   * `continuesAt(job, status, header)` of that partial — `offset`, or 0 when the server sent the whole
   * resource again (then what was there is truncated).
   */
  readonly resume?: { readonly partial: string; readonly offset: number } | undefined;
  /**
   * Set when the caller gave `integrity`: hash the saved bytes with this algorithm (while streaming where
   * the platform allows) and pass the base64 digest to `commit`.
   */
  readonly integrity?: { readonly algorithm: IntegrityAlgorithm } | undefined;
  /** The caller's target, when given. */
  readonly filePath?: string | undefined;
  /** The caller's options as given (unvalidated). */
  readonly options: Readonly<DownloadFileOptions>;
  /**
   * The caller's options the contract does not name — the adapter's own (`Extra`), passed on as given:
   * the driver checks what it reads.
   */
  readonly extra: Readonly<Partial<Extra>>;
  /**
   * Aborts on `task.abort()`, the `signal` option or the timeout; its `reason` is the `DownloadError`
   * the task will fail with. On abort the driver stops the request, removes what it wrote, then settles.
   */
  readonly signal: AbortSignalLike;
  /** The final response's status and headers (lower-case names). */
  headers(statusCode: number, header: ResponseHeaders): void;
  /**
   * Call just before moving the finished file onto its final name. `true`: go ahead — from now on
   * `abort()` and the deadline no longer apply, and the driver must settle with `succeed` (or `fail`
   * if the move fails). `false`: the task was stopped; remove what was written and settle with `fail`.
   * A driver that never calls it is committed when it calls `succeed`.
   */
  commit(digest?: string): boolean;
  /**
   * Where this attempt's bytes are being saved (a path, or an id the driver understands), for `pause()`,
   * a retry or a stored `resumeData` to continue. From this call the partial belongs to the task: when the
   * attempt fails or is stopped the driver closes it but leaves it; the task removes it
   * (`DownloadDriver.dropPartial`) unless it will continue it. A driver that never calls it cleans up
   * itself, and its tasks restart from zero.
   */
  saving(partial: string): void;
  /** Cumulative bytes saved so far and bytes expected (0 when unknown). */
  progress(written: number, expected: number): void;
  /** The file is saved. */
  succeed(saved: SavedFile): void;
  /** The download failed; after an abort, any error will do (the task reports the abort's reason). */
  fail(error: DownloadError): void;
}

/** The platform half of an adapter: start a request, stream bytes to a file, stop when asked. */
export interface DownloadDriver<Extra extends object = object> {
  /** Begin the download. Must settle the job exactly once, also after `job.signal` aborts. */
  start(job: DownloadJob<Extra>): void;
  /**
   * Remove a saved file nobody will get: the task was aborted (or timed out) in the moment between the
   * driver saving it and the task settling. Without it such a file would be left behind.
   */
  discard?(saved: SavedFile): void | Promise<void>;
  /** The size of a partial (see `DownloadJob.saving`), or undefined when it is gone. */
  partialSize?(partial: string): number | undefined | Promise<number | undefined>;
  /** Remove a partial nobody will continue. Must not throw for one that is gone. */
  dropPartial?(partial: string): void | Promise<void>;
}

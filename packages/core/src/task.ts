import type {
  DownloadFailResult,
  DownloadFileOptions,
  DownloadFileSuccessResult,
  DownloadTask,
  DownloadTaskPromise,
  OnHeadersReceivedCallbackResult,
  OnProgressUpdateCallbackResult,
} from '@dl/types';
import { createAbortSource } from './abort';
import type { DownloadDriver, DownloadJob, SavedFile } from './driver';
import {
  abortError,
  DownloadError,
  invalidArgument,
  isDownloadError,
  networkError,
  timeoutError,
  toDownloadError,
} from './errors';
import { ListenerSet } from './listeners';
import { ProgressTracker } from './progress';
import type { ConcurrencyQueue, QueueTicket } from './queue';
import { callSafely, reportError } from './report-error';
import { extraOptions, validateOptions } from './validate';

/** How long an aborted driver gets to stop and clean up before the task settles without it. */
export const ABORT_GRACE_MS = 5_000;

export interface TaskContext {
  driver: DownloadDriver;
  queue: ConcurrencyQueue;
  /** Resolves relative URLs (the page's address on the web). */
  baseUrl?: (() => string | undefined) | undefined;
}

/**
 * `committing`: the driver is moving the finished file into place (or has), and the final events are
 * due; from here `abort()` and the deadline no longer apply, so a caller's existing file is never lost
 * to an abort that lands between the move and the settle.
 */
type State = 'pending' | 'queued' | 'running' | 'committing' | 'stopping' | 'settled';

// A later turn without `queueMicrotask` (mini-programs lack it); where Promise jobs are ordinary tasks
// (iOS 15 and earlier) it is a later task, which keeps the same order.
const later = (fn: () => void) => {
  Promise.resolve().then(fn);
};

/**
 * One download task: validates, queues, hands the job to the platform driver, and turns the driver's
 * reports into the contract's events, callbacks and promise. Every rule of the contract that is not
 * about the platform lives here, so every adapter keeps it the same way.
 */
export function createTask(options: DownloadFileOptions, context: TaskContext): DownloadTaskPromise {
  const callbacks: Partial<DownloadFileOptions> =
    options !== null && typeof options === 'object' ? options : {};
  const headersListeners = new ListenerSet<OnHeadersReceivedCallbackResult>();
  const progressListeners = new ListenerSet<OnProgressUpdateCallbackResult>();
  const progress = new ProgressTracker();
  const controller = createAbortSource();

  let state: State = 'pending';
  let headersSent = false;
  let stopReason: DownloadError | undefined;
  let ticket: QueueTicket | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let grace: ReturnType<typeof setTimeout> | undefined;
  let resolvePromise!: (result: DownloadFileSuccessResult) => void;
  let rejectPromise!: (error: DownloadError) => void;

  const promise = new Promise<DownloadFileSuccessResult>((resolve, reject) => {
    resolvePromise = resolve;
    rejectPromise = reject;
  });
  // Callers who chose callbacks handle failure there; an unawaited rejection must not surface.
  if (typeof callbacks.fail === 'function' || typeof callbacks.complete === 'function') {
    promise.catch(() => {});
  }

  const userSignal = callbacks.signal;
  const onUserAbort = () => stop(abortError());

  function finish(): void {
    state = 'settled';
    clearTimeout(deadline);
    clearTimeout(grace);
    userSignal?.removeEventListener?.('abort', onUserAbort);
    ticket?.release();
    headersListeners.remove();
    progressListeners.remove();
  }

  function settleFailure(error: DownloadError): void {
    if (state === 'settled') return;
    finish();
    const result: DownloadFailResult = error.toFailResult();
    callSafely(callbacks.fail, result);
    callSafely(callbacks.complete, result);
    rejectPromise(error);
  }

  function settleSuccess(saved: SavedFile): void {
    // Committed from here on: an abort() inside the listeners below is a no-op.
    state = 'committing';
    if (!headersSent) sendHeaders(saved.statusCode, saved.header);
    progressListeners.emit(progress.final(saved.dataLength));
    finish();
    const result: DownloadFileSuccessResult = {
      errMsg: 'downloadFile:ok',
      statusCode: saved.statusCode,
      header: saved.header,
      dataLength: saved.dataLength,
    };
    if (saved.filePath !== undefined) result.filePath = saved.filePath;
    else if (saved.tempFilePath !== undefined) result.tempFilePath = saved.tempFilePath;
    if (saved.profile !== undefined) result.profile = saved.profile;
    callSafely(callbacks.success, result);
    callSafely(callbacks.complete, result);
    resolvePromise(result);
  }

  function sendHeaders(statusCode: number, header: Record<string, string>): void {
    headersSent = true;
    headersListeners.emit({ header, statusCode });
  }

  function stop(reason: DownloadError): void {
    if (state === 'settled' || state === 'stopping' || state === 'committing') return;
    if (state === 'pending' || state === 'queued') {
      ticket?.cancel();
      state = 'stopping';
      // Settle on a later tick, never inside the caller's abort() call.
      later(() => settleFailure(reason));
      return;
    }
    state = 'stopping';
    stopReason = reason;
    clearTimeout(deadline);
    // The driver settles once it has stopped and cleaned up; this is only a backstop. Armed before the
    // abort, whose listeners may settle the task at once (finish() then clears it).
    grace = setTimeout(() => settleFailure(reason), ABORT_GRACE_MS);
    controller.abort(reason);
  }

  const job: DownloadJob = {
    url: '',
    header: {},
    options: callbacks as DownloadFileOptions,
    extra: extraOptions(callbacks),
    signal: controller.signal,
    headers(statusCode, header) {
      if (state !== 'running' || headersSent) return;
      sendHeaders(statusCode, header);
    },
    commit() {
      if (state === 'committing') return true;
      if (state !== 'running') return false;
      state = 'committing';
      clearTimeout(deadline);
      return true;
    },
    progress(written, expected) {
      // Progress before the headers event would break the contract's order; the final event still comes.
      if (state !== 'running' || !headersSent) return;
      const event = progress.update(written, expected);
      if (event) progressListeners.emit(event);
    },
    succeed(saved) {
      if (state === 'running' || state === 'committing') return settleSuccess(saved);
      if (state === 'stopping' && stopReason) {
        // Aborted before the driver committed (one that never calls commit()): the file must not
        // outlive the task.
        const reason = stopReason;
        const settle = () => settleFailure(reason);
        Promise.resolve()
          .then(() => context.driver.discard?.(saved))
          .catch(reportError)
          .then(settle, settle);
      }
    },
    fail(error) {
      if (state === 'running' || state === 'committing')
        return settleFailure(isDownloadError(error) ? error : networkError(String(error)));
      if (state === 'stopping' && stopReason) settleFailure(stopReason);
    },
  };

  function run(queued: QueueTicket): void {
    // The queue may start this inside enqueue(): take the ticket now, so a driver that settles at once
    // still frees its slot.
    ticket = queued;
    if (state !== 'queued') return;
    state = 'running';
    const timeout = checked instanceof DownloadError ? 0 : checked.timeout;
    if (timeout > 0) deadline = setTimeout(() => stop(timeoutError()), timeout);
    try {
      context.driver.start(job);
    } catch (error) {
      job.fail(toDownloadError(error, job));
    }
  }

  const checked = validateOptions(options, context.baseUrl?.());
  later(() => {
    if (state !== 'pending') return;
    if (checked instanceof DownloadError) return settleFailure(checked);
    Object.assign(job, { url: checked.url, header: checked.header, filePath: checked.filePath });
    if (userSignal?.aborted) return settleFailure(abortError());
    try {
      userSignal?.addEventListener('abort', onUserAbort, { once: true });
    } catch {
      return settleFailure(invalidArgument('invalid signal: its addEventListener threw'));
    }
    state = 'queued';
    ticket = context.queue.enqueue(run);
  });

  const task: DownloadTask = {
    abort: () => stop(abortError()),
    onHeadersReceived: (fn) => {
      if (state !== 'settled') headersListeners.add(fn);
    },
    offHeadersReceived: (fn) => headersListeners.remove(fn),
    onProgressUpdate: (fn) => {
      if (state !== 'settled') progressListeners.add(fn);
    },
    offProgressUpdate: (fn) => progressListeners.remove(fn),
    // Taro's names for the same two listener sets.
    progress: (fn) => task.onProgressUpdate(fn),
    headersReceive: (fn) => task.onHeadersReceived(fn),
  };
  return Object.assign(promise, task);
}

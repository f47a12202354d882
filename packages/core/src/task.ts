import type {
  AdapterInfo,
  DownloadFailResult,
  DownloadFileOptions,
  DownloadFileSuccessResult,
  DownloadTask,
  DownloadTaskPromise,
  OnHeadersReceivedCallbackResult,
  OnProgressUpdateCallbackResult,
  OnRetryCallbackResult,
  ResponseHeaders,
  ResumeData,
} from '@dl/types';
import { type AbortSource, createAbortSource } from './abort';
import type { DownloadDriver, DownloadJob, SavedFile } from './driver';
import {
  abortError,
  DownloadError,
  integrityError,
  invalidArgument,
  isDownloadError,
  networkError,
  timeoutError,
  toDownloadError,
  tooLarge,
} from './errors';
import { expectedBodyLength } from './headers';
import { integrityMatches } from './integrity';
import { ListenerSet } from './listeners';
import { ProgressTracker } from './progress';
import type { ConcurrencyQueue, QueueTicket } from './queue';
import { callSafely, reportError } from './report-error';
import { asWholeResponse, continuesAt, rangeHeaders, rangeTotal, validatorOf } from './resume';
import { isRetryableError, isRetryableStatus } from './retry';
import { extraOptions, type ValidatedOptions, validateOptions } from './validate';

/** How long an aborted driver gets to stop and clean up before the task settles without it. */
export const ABORT_GRACE_MS = 5_000;

export interface TaskContext {
  driver: DownloadDriver;
  queue: ConcurrencyQueue;
  /** The adapter's name and manifest: which options it supports, whose `resumeData` it accepts. */
  adapter?: Pick<AdapterInfo, 'name' | 'capabilities' | 'reasons'>;
  /** Resolves relative URLs (the page's address on the web). */
  baseUrl?: (() => string | undefined) | undefined;
}

/**
 * `running`: an attempt (one driver request) is under way; `waiting`: between a failed attempt and its
 * retry; `pausing`: the attempt is stopping for `pause()`; `committing`: the driver is moving the
 * finished file into place (or has), and the final events are due — from here `abort()` and the deadline
 * no longer apply, so a caller's existing file is never lost to an abort between the move and the settle.
 */
type State =
  | 'pending'
  | 'queued'
  | 'running'
  | 'waiting'
  | 'pausing'
  | 'paused'
  | 'committing'
  | 'stopping'
  | 'settled';

/** Why an attempt is being stopped, and what follows once its driver has ended. */
interface Stop {
  reason: DownloadError;
  /** `restart`: the saved bytes cannot be continued (416): drop them and start again from zero. */
  next: 'settle' | 'pause' | 'retry' | 'restart';
  retry?: OnRetryCallbackResult;
}

/** One request of the task: its own abort source, so a retry or resume never sees an old attempt's events. */
interface Attempt {
  controller: AbortSource;
  job: DownloadJob;
  stop?: Stop;
  ended: boolean;
  /** The body continues the saved bytes (a 206 from their end). */
  continuing: boolean;
}

/** The bytes saved so far, where the driver keeps them (`DownloadJob.saving`). */
interface SavedBytes {
  handle: string;
  bytes: number;
  /**
   * A driver reported writing it in this task (`saving`). A handle that came in a caller's `resumeData`
   * is not, until a driver continues it: only then may it be removed, so a forged one never is.
   */
  owned: boolean;
  /** The response that began them, when it came in this task. */
  head?: { statusCode: number; header: ResponseHeaders };
  /** Its ETag or Last-Modified: only a 200's bytes with one are continued. */
  validator?: string | undefined;
}

// A later turn without `queueMicrotask` (mini-programs lack it); where Promise jobs are ordinary tasks
// (iOS 15 and earlier) it is a later task, which keeps the same order.
const later = (fn: () => void) => {
  Promise.resolve().then(fn);
};

const pauseReason = () => new DownloadError('ABORTED', 'pause');

/**
 * One download task: validates, queues, hands each attempt to the platform driver, and turns the
 * driver's reports into the contract's events, callbacks and promise — with retries, pause/resume,
 * size limit and integrity on top. Every rule of the contract that is not about the platform lives here,
 * so every adapter keeps it the same way.
 */
export function createTask(options: DownloadFileOptions, context: TaskContext): DownloadTaskPromise {
  const callbacks: Partial<DownloadFileOptions> =
    options !== null && typeof options === 'object' ? options : {};
  const headersListeners = new ListenerSet<OnHeadersReceivedCallbackResult>();
  const progressListeners = new ListenerSet<OnProgressUpdateCallbackResult>();
  const retryListeners = new ListenerSet<OnRetryCallbackResult>();
  const checked = validateOptions(options, context.baseUrl?.(), context.adapter);
  const settings: ValidatedOptions | undefined = checked instanceof DownloadError ? undefined : checked;
  const progress = new ProgressTracker(Date.now, settings?.progressInterval, settings?.progressStep);
  const driver = context.driver;

  let state: State = 'pending';
  let headersSent = false;
  let ticket: QueueTicket | undefined;
  let attempt: Attempt | undefined;
  let retries = 0;
  /** `resume()` came while the attempt was still stopping for `pause()`. */
  let resumeAsked = false;
  /** `pause()` came before the task was queued. */
  let pausedEarly = false;
  let partial: SavedBytes | undefined;
  /** Running time left before TIMEOUT (paused time does not count); 0: no deadline. */
  let remaining = settings?.timeout ?? 0;
  let runningSince = 0;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let grace: ReturnType<typeof setTimeout> | undefined;
  let backoff: ReturnType<typeof setTimeout> | undefined;
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

  function armDeadline(): void {
    if (remaining <= 0) return;
    runningSince = Date.now();
    deadline = setTimeout(() => stop(timeoutError()), remaining);
  }

  function disarmDeadline(): void {
    if (deadline === undefined) return;
    clearTimeout(deadline);
    deadline = undefined;
    // At least 1 ms stays, so a resumed task keeps a deadline.
    remaining = Math.max(1, remaining - (Date.now() - runningSince));
  }

  function finish(): void {
    state = 'settled';
    clearTimeout(deadline);
    clearTimeout(grace);
    clearTimeout(backoff);
    userSignal?.removeEventListener?.('abort', onUserAbort);
    ticket?.release();
    headersListeners.remove();
    progressListeners.remove();
    retryListeners.remove();
  }

  function settleFailure(error: DownloadError): void {
    if (state === 'settled') return;
    finish();
    const result: DownloadFailResult = error.toFailResult();
    callSafely(callbacks.fail, result);
    callSafely(callbacks.complete, result);
    rejectPromise(error);
  }

  /** Removes the saved bytes (on a later turn, also when there are none); never rejects. */
  function dropPartial(): Promise<void> {
    const saved = partial;
    partial = undefined;
    return Promise.resolve()
      .then(() => (saved?.handle && saved.owned ? driver.dropPartial?.(saved.handle) : undefined))
      .catch(reportError);
  }

  /** Removes the saved bytes nobody will continue, then fails. */
  function fail(error: DownloadError): void {
    if (state === 'settled') return;
    state = 'stopping';
    dropPartial().then(() => settleFailure(error));
  }

  function settleSuccess(saved: SavedFile): void {
    // Committed from here on: an abort() inside the listeners below is a no-op.
    state = 'committing';
    // A body that continued saved bytes completes the response that began them.
    const head = (attempt?.continuing && partial?.head) || saved;
    const { statusCode, header } = head;
    if (!headersSent) sendHeaders(statusCode, header);
    progressListeners.emit(progress.final(saved.dataLength));
    finish();
    const result: DownloadFileSuccessResult = {
      errMsg: 'downloadFile:ok',
      statusCode,
      header,
      dataLength: saved.dataLength,
    };
    if (saved.filePath !== undefined) result.filePath = saved.filePath;
    else if (saved.tempFilePath !== undefined) result.tempFilePath = saved.tempFilePath;
    if (saved.profile !== undefined) result.profile = saved.profile;
    callSafely(callbacks.success, result);
    callSafely(callbacks.complete, result);
    resolvePromise(result);
  }

  function sendHeaders(statusCode: number, header: ResponseHeaders): void {
    headersSent = true;
    headersListeners.emit({ header, statusCode });
  }

  /** Stops the running attempt; `then` happens once its driver has ended (or the grace period passed). */
  function stopAttempt(current: Attempt, next: Stop): void {
    current.stop = next;
    state = next.next === 'pause' ? 'pausing' : 'stopping';
    if (next.next !== 'retry') disarmDeadline();
    clearTimeout(grace);
    // The driver ends once it has stopped and cleaned up; this is only a backstop. Armed before the
    // abort, whose listeners may end the attempt at once.
    grace = setTimeout(() => attemptEnded(current), ABORT_GRACE_MS);
    current.controller.abort(next.reason);
  }

  function stop(reason: DownloadError): void {
    switch (state) {
      case 'pending':
      case 'queued':
      case 'waiting':
      case 'paused':
        ticket?.cancel();
        // Settle on a later tick, never inside the caller's abort() call.
        fail(reason);
        return;
      case 'running':
        if (attempt) stopAttempt(attempt, { reason, next: 'settle' });
        return;
      case 'pausing':
        // The pause becomes the abort: once the driver has stopped, the task fails.
        if (attempt?.stop) attempt.stop = { reason, next: 'settle' };
        return;
    }
  }

  function scheduleRetry(event: OnRetryCallbackResult): void {
    state = 'waiting';
    retries = event.retry;
    retryListeners.emit(event);
    if (state !== 'waiting') return; // a listener aborted or paused
    backoff = setTimeout(() => {
      if (state === 'waiting') begin();
    }, event.delay);
  }

  /** What the driver's end of an attempt means: settle, pause, or retry. */
  function attemptEnded(current: Attempt, error?: unknown): void {
    if (current !== attempt || current.ended) return;
    current.ended = true;
    clearTimeout(grace);
    const stopped = current.stop;
    if (stopped?.next === 'pause') {
      state = 'paused';
      ticket?.release();
      ticket = undefined;
      if (resumeAsked) enqueue();
      return;
    }
    if (stopped?.next === 'restart') {
      dropPartialThen(begin);
      return;
    }
    if (stopped?.next === 'retry' && stopped.retry) {
      // The body of a status worth retrying is not the resource: nothing of it is continued.
      dropPartialThen(() => scheduleRetry(stopped.retry as OnRetryCallbackResult));
      return;
    }
    if (stopped) {
      fail(stopped.reason);
      return;
    }
    const failure = isDownloadError(error) ? error : networkError(String(error));
    const policy = settings?.retry;
    if (policy && state === 'running' && isRetryableError(failure) && retries < policy.limit) {
      const delay = policy.delay(retries + 1) ?? 0;
      const retry = { retry: retries + 1, delay, error: failure.toFailResult() };
      // Saved bytes of the resource are kept for the retry to continue.
      if (continuable()) scheduleRetry(retry);
      else dropPartialThen(() => scheduleRetry(retry));
      return;
    }
    fail(failure);
  }

  function dropPartialThen(next: () => void): void {
    state = 'waiting';
    dropPartial().then(() => {
      if (state === 'waiting') next();
    });
  }

  /** Whether the saved bytes can be continued: a 200's, with a validator, on an adapter that resumes. */
  function continuable(): boolean {
    return (
      partial !== undefined &&
      partial.handle !== '' &&
      partial.validator !== undefined &&
      context.adapter?.capabilities.resume !== false &&
      driver.partialSize !== undefined
    );
  }

  function createAttempt(offset: number): Attempt {
    const controller = createAbortSource();
    const options = settings as ValidatedOptions;
    const validator = partial?.validator;
    const resume = offset > 0 && partial && validator ? { partial: partial.handle, offset } : undefined;
    const header =
      resume && validator ? { ...options.header, ...rangeHeaders(offset, validator) } : options.header;
    const current: Attempt = { controller, ended: false, continuing: false, job: undefined as never };
    const live = () => current === attempt && !current.ended;

    current.job = {
      url: options.url,
      header,
      filePath: options.filePath,
      resume,
      integrity: options.integrity ? { algorithm: options.integrity.algorithm } : undefined,
      options: callbacks as DownloadFileOptions,
      extra: extraOptions(callbacks),
      signal: controller.signal,
      headers(statusCode, responseHeader) {
        if (!live() || state !== 'running') return;
        let total = expectedBodyLength(responseHeader);
        try {
          current.continuing = continuesAt(current.job, statusCode, responseHeader) > 0;
        } catch (error) {
          return stopAttempt(current, { reason: toDownloadError(error, current.job), next: 'settle' });
        }
        if (current.job.resume && statusCode === 416) {
          // Nothing left to ask for (a crash between the last byte and the rename) or a range the server
          // refuses: the saved bytes are not continued; the download starts again from zero.
          return stopAttempt(current, { reason: networkError('range not satisfiable'), next: 'restart' });
        }
        if (current.continuing) total = rangeTotal(responseHeader);
        const policy = settings?.retry;
        if (policy && isRetryableStatus(statusCode) && retries < policy.limit) {
          const delay = policy.delay(retries + 1, responseHeader);
          if (delay !== undefined) {
            const retry = { retry: retries + 1, delay, statusCode };
            return stopAttempt(current, {
              reason: networkError(`status ${statusCode}`),
              next: 'retry',
              retry,
            });
          }
        }
        if (total > options.maxBytes) {
          return stopAttempt(current, { reason: tooLarge(), next: 'settle' });
        }
        if (!current.continuing) {
          partial = partial ?? { handle: '', bytes: 0, owned: false };
          partial.head = { statusCode, header: responseHeader };
          partial.validator = statusCode === 200 ? validatorOf(responseHeader) : undefined;
          partial.bytes = 0;
        }
        // Continuing bytes saved in an earlier run: the 206 stands for the whole resource.
        if (current.continuing && partial && !partial.head)
          partial.head = asWholeResponse(responseHeader, total);
        const head =
          current.continuing && partial?.head ? partial.head : { statusCode, header: responseHeader };
        if (!headersSent) sendHeaders(head.statusCode, head.header);
      },
      saving(handle) {
        if (!live()) return;
        if (partial) {
          partial.handle = handle;
          partial.owned = true;
        } else partial = { handle, bytes: 0, owned: true };
      },
      commit(digest) {
        if (!live()) return false;
        if (state === 'committing') return true;
        if (state !== 'running') return false;
        if (options.integrity && !integrityMatches(options.integrity, digest)) {
          stopAttempt(current, { reason: integrityError(), next: 'settle' });
          return false;
        }
        state = 'committing';
        clearTimeout(deadline);
        return true;
      },
      progress(written, expected) {
        // Progress before the headers event would break the contract's order; the final event still comes.
        if (!live() || state !== 'running' || !headersSent) return;
        if (partial && written > partial.bytes) partial.bytes = written;
        if (written > options.maxBytes) {
          return stopAttempt(current, { reason: tooLarge(), next: 'settle' });
        }
        const event = progress.update(written, expected);
        if (event) progressListeners.emit(event);
      },
      succeed(saved) {
        if (current !== attempt || current.ended) return;
        if (state === 'running' || state === 'committing') {
          if (saved.dataLength > options.maxBytes) {
            // A driver that never reported the bytes: the file is saved, so it goes before the failure.
            current.stop = { reason: tooLarge(), next: 'settle' };
          } else {
            current.ended = true;
            settleSuccess(saved);
            partial = undefined;
            return;
          }
        }
        // Stopped before the driver committed (one that never calls commit()): the file must not outlive
        // the task.
        const end = () => attemptEnded(current);
        Promise.resolve()
          .then(() => driver.discard?.(saved))
          .catch(reportError)
          .then(end, end);
      },
      fail(error) {
        attemptEnded(current, error);
      },
    };
    return current;
  }

  /** Starts an attempt: continuing the saved bytes when they can be, else from zero (removing them). */
  function begin(): void {
    state = 'running';
    const start = (offset: number) => {
      if (state !== 'running') return;
      attempt = createAttempt(offset);
      try {
        driver.start(attempt.job);
      } catch (error) {
        attempt.job.fail(toDownloadError(error, attempt.job));
      }
    };
    if (!partial) {
      start(0);
      return;
    }
    if (!continuable()) {
      dropPartial().then(() => start(0));
      return;
    }
    const handle = (partial as SavedBytes).handle;
    Promise.resolve()
      .then(() => driver.partialSize?.(handle))
      .catch(() => undefined)
      .then((size) => {
        if (typeof size === 'number' && size > 0) return start(size);
        dropPartial().then(() => start(0));
      });
  }

  function run(queued: QueueTicket): void {
    // The queue may start this inside enqueue(): take the ticket now, so a driver that settles at once
    // still frees its slot.
    ticket = queued;
    if (state !== 'queued') return;
    armDeadline();
    begin();
  }

  function enqueue(): void {
    state = 'queued';
    ticket = context.queue.enqueue(run);
  }

  later(() => {
    if (state !== 'pending') return;
    if (!settings) return settleFailure(checked as DownloadError);
    if (settings.resumeData) {
      // The bytes a stored resumeData names: continued when the server confirms the resource is the same.
      const data = settings.resumeData;
      partial = { handle: data.partial, bytes: data.bytes, validator: data.validator, owned: false };
    }
    if (userSignal?.aborted) return fail(abortError());
    try {
      userSignal?.addEventListener('abort', onUserAbort, { once: true });
    } catch {
      return fail(invalidArgument('invalid signal: its addEventListener threw'));
    }
    // pause() before the task was queued: it waits, paused, for resume().
    if (pausedEarly) state = 'paused';
    else enqueue();
  });

  const task: DownloadTask = {
    abort: () => stop(abortError()),
    pause() {
      if (state === 'pending') {
        pausedEarly = true;
      } else if (state === 'queued') {
        ticket?.cancel();
        ticket = undefined;
        state = 'paused';
      } else if (state === 'waiting') {
        clearTimeout(backoff);
        disarmDeadline();
        ticket?.release();
        ticket = undefined;
        state = 'paused';
      } else if (state === 'running' && attempt) {
        resumeAsked = false;
        stopAttempt(attempt, { reason: pauseReason(), next: 'pause' });
      } else if (state === 'pausing') {
        resumeAsked = false;
      }
    },
    resume() {
      if (state === 'pending') pausedEarly = false;
      else if (state === 'paused') enqueue();
      else if (state === 'pausing') resumeAsked = true;
    },
    resumeData(): ResumeData | undefined {
      if (!settings || !partial || !continuable() || !context.adapter) return undefined;
      const data: ResumeData = {
        adapter: context.adapter.name,
        url: settings.url,
        partial: partial.handle,
        validator: partial.validator,
        bytes: partial.bytes,
      };
      if (settings.filePath !== undefined) data.filePath = settings.filePath;
      return data;
    },
    onHeadersReceived: (fn) => {
      if (state !== 'settled') headersListeners.add(fn);
    },
    offHeadersReceived: (fn) => headersListeners.remove(fn),
    onProgressUpdate: (fn) => {
      if (state !== 'settled') progressListeners.add(fn);
    },
    offProgressUpdate: (fn) => progressListeners.remove(fn),
    onRetry: (fn) => {
      if (state !== 'settled') retryListeners.add(fn);
    },
    offRetry: (fn) => retryListeners.remove(fn),
    // Taro's names for the same two listener sets.
    progress: (fn) => task.onProgressUpdate(fn),
    headersReceive: (fn) => task.onHeadersReceived(fn),
  };
  return Object.assign(promise, task);
}

import type {
  DownloadFailResult,
  DownloadFileOptions,
  DownloadFileSuccessResult,
  DownloadTaskPromise,
  OnHeadersReceivedCallbackResult,
  OnProgressUpdateCallbackResult,
} from '@dl/types';
import type { ConformanceTarget } from './target';

export type TaskEvent =
  | { type: 'headers'; value: OnHeadersReceivedCallbackResult }
  | { type: 'progress'; value: OnProgressUpdateCallbackResult }
  | { type: 'success'; value: DownloadFileSuccessResult }
  | { type: 'fail'; value: DownloadFailResult }
  | { type: 'complete'; value: DownloadFileSuccessResult | DownloadFailResult }
  | { type: 'resolve'; value: DownloadFileSuccessResult }
  | { type: 'reject'; value: unknown };

export interface Recording {
  task: DownloadTaskPromise;
  events: TaskEvent[];
  /** Events emitted synchronously, before `downloadFile` returned (must be none). */
  syncEvents: number;
  result?: DownloadFileSuccessResult;
  error?: {
    errMsg: string;
    code: string;
    errno?: number | undefined;
    name?: string | undefined;
    isError: boolean;
  };
  progress: OnProgressUpdateCallbackResult[];
  headers: OnHeadersReceivedCallbackResult[];
}

/** How long the suite keeps watching after a task settled, to catch anything firing late. */
export const AFTER_SETTLE_MS = 60;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs one download with every callback and listener recording into one timeline, waits for it to
 * settle and a little longer, and returns the timeline. `during` runs right after the call (to abort,
 * remove listeners, …) and may be async.
 */
export async function record(
  target: ConformanceTarget,
  options: DownloadFileOptions,
  during?: (task: DownloadTaskPromise, events: TaskEvent[]) => void | Promise<void>,
): Promise<Recording> {
  const events: TaskEvent[] = [];
  const task = target.downloadFile({
    ...options,
    success: (value) => events.push({ type: 'success', value }),
    fail: (value) => events.push({ type: 'fail', value }),
    complete: (value) => events.push({ type: 'complete', value }),
  });
  const syncEvents = events.length;
  task.onHeadersReceived((value) => events.push({ type: 'headers', value }));
  task.onProgressUpdate((value) => events.push({ type: 'progress', value }));
  const settled = task.then(
    (value) => {
      events.push({ type: 'resolve', value });
    },
    (value: unknown) => {
      events.push({ type: 'reject', value });
    },
  );
  await during?.(task, events);
  await settled;
  await sleep(AFTER_SETTLE_MS);
  return summarize(task, events, syncEvents);
}

export function summarize(task: DownloadTaskPromise, events: TaskEvent[], syncEvents = 0): Recording {
  const recording: Recording = {
    task,
    events,
    syncEvents,
    progress: events.flatMap((e) => (e.type === 'progress' ? [e.value] : [])),
    headers: events.flatMap((e) => (e.type === 'headers' ? [e.value] : [])),
  };
  for (const event of events) {
    if (event.type === 'resolve') recording.result = event.value;
    if (event.type === 'reject') {
      const error = event.value as { errMsg: string; code: string; errno?: number; name?: string };
      recording.error = {
        errMsg: error.errMsg,
        code: error.code,
        errno: error.errno,
        name: error.name,
        // Not `instanceof`: the adapter may run in another realm (a platform realm test), with its own Error.
        isError: Object.prototype.toString.call(event.value) === '[object Error]',
      };
    }
  }
  return recording;
}

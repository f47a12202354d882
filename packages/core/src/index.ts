/**
 * The platform-neutral machinery every dl adapter shares. An adapter supplies a {@link DownloadDriver}
 * ("start this request, stream bytes to this sink, stop it") and gets the whole contract from
 * {@link createDownloadFile}.
 * @packageDocumentation
 */
export { type BoundDownloader, bindDownloader, contractCapabilities } from './adapter';
export { type AsyncDriverOptions, asyncDriver } from './async-driver';
export { createDownloadFile, type DownloaderConfig } from './downloader';
export type { DownloadDriver, DownloadJob, SavedFile } from './driver';
export {
  abortError,
  DownloadError,
  ERRNO,
  fileSystemError,
  invalidArgument,
  isDownloadError,
  networkError,
  timeoutError,
  toDownloadError,
  tooManyRedirects,
} from './errors';
export { partFileName, randomHex, tempFileName } from './file-names';
export { expectedBodyLength, type HeadersLike, headersToRecord } from './headers';
export { ListenerSet } from './listeners';
export { ProgressTracker, UNKNOWN_SIZE_INTERVAL_MS } from './progress';
export { ConcurrencyQueue, DEFAULT_MAX_CONCURRENT, type QueueTicket } from './queue';
export { followRedirects, MAX_REDIRECTS, type RedirectHop, redirectTarget } from './redirects';
export { callSafely, reportError } from './report-error';
export { ABORT_GRACE_MS, createTask, type TaskContext } from './task';
export { DEFAULT_TIMEOUT_MS, MAX_TIMER_MS, type ValidatedOptions, validateOptions } from './validate';

/**
 * The platform-neutral machinery every dl adapter shares. An adapter supplies a {@link DownloadDriver}
 * ("start this request, stream bytes to this sink, stop it") and gets the whole contract from
 * {@link bindDownloader}. Listed by hand: everything here is for adapter authors; the task, the queue,
 * validation and progress arithmetic stay inside (the contract is their interface).
 * @packageDocumentation
 */
export { type BoundDownloader, bindDownloader, contractCapabilities, type DownloaderConfig } from './adapter';
export { type AsyncDriverOptions, asyncDriver } from './async-driver';
export type { DownloadDriver, DownloadJob, SavedFile } from './driver';
export {
  abortError,
  DownloadError,
  ERRNO,
  errorMessage,
  fileSystemError,
  integrityError,
  invalidArgument,
  isDownloadError,
  networkError,
  timeoutError,
  toDownloadError,
  tooLarge,
  tooManyRedirects,
} from './errors';
export { partFileName, tempFileName } from './file-names';
export { expectedBodyLength, type HeadersLike, headersToRecord } from './headers';
export { UNKNOWN_SIZE_INTERVAL_MS } from './progress';
export { followRedirects, isRedirect, type RedirectHop, redirectTarget } from './redirects';
export { reportError } from './report-error';
export { continuesAt } from './resume';
export { MAX_TIMER_MS } from './validate';

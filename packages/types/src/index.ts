/**
 * The dl contract: every option, result, callback and error type shared by all adapters.
 * Types only; the runtime lives in `@dl/core` and the adapters.
 * @packageDocumentation
 */
export type { AdapterCapabilities, AdapterInfo, AdapterName } from './adapter';
export type {
  IntegrityAlgorithm,
  OnRetryCallback,
  OnRetryCallbackResult,
  ResumeData,
  RetryOptions,
} from './beyond';
export type { DownloadError, DownloadErrorCode } from './errors';
export type { DownloadFileOptions, RequestHeaders, RequestHeaderValue } from './options';
export type {
  DownloadFailResult,
  DownloadFileResultFor,
  DownloadFileSavedResult,
  DownloadFileSuccessLike,
  DownloadFileSuccessResult,
  DownloadFileTempResult,
  ResponseHeaders,
} from './results';
export type { AbortListenerOptions, AbortSignalLike } from './signal';
export type {
  DownloadFile,
  DownloadTask,
  DownloadTaskPromise,
  OffHeadersReceivedCallback,
  OffProgressUpdateCallback,
  OnHeadersReceivedCallback,
  OnHeadersReceivedCallbackResult,
  OnProgressUpdateCallback,
  OnProgressUpdateCallbackResult,
} from './task';

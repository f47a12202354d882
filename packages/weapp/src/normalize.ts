import { headersToRecord } from '@dl/core';
import type { ResponseHeaders } from '@dl/types';
import type { PlatformDownloadSuccess, PlatformHeadersEvent } from './platform';

/** The headers event of any platform: Alipay names the field `headers`; `statusCode` only some give. */
export function readHeadersEvent(event: PlatformHeadersEvent | undefined): {
  header: ResponseHeaders;
  statusCode?: number;
} {
  const header = headersToRecord(asRecord(event?.header ?? event?.headers));
  return typeof event?.statusCode === 'number' ? { header, statusCode: event.statusCode } : { header };
}

/** Where the platform saved the file: WeChat's `tempFilePath` or Alipay's `apFilePath`. */
export function savedTempPath(result: PlatformDownloadSuccess | undefined): string | undefined {
  return result?.tempFilePath ?? result?.apFilePath;
}

/** The success result's headers, if the platform put them there (Alipay does; WeChat does not). */
export function successHeaders(result: PlatformDownloadSuccess | undefined): ResponseHeaders | undefined {
  const header = result?.header ?? result?.headers;
  return header && typeof header === 'object' ? headersToRecord(asRecord(header)) : undefined;
}

/** A platform's object of named values (headers, profile), read as a record. */
export function asRecord(value: object | undefined): Readonly<Record<string, unknown>> | undefined {
  return value as Readonly<Record<string, unknown>> | undefined;
}

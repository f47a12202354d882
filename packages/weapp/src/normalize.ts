import type { ResponseHeaders } from '@dl/types';
import type { PlatformDownloadSuccess, PlatformHeadersEvent } from './platform';

/** Headers as the contract gives them: lower-case names, string values (WeChat keeps the server's case). */
export function lowerCaseHeaders(header: Record<string, unknown> | undefined): ResponseHeaders {
  const out: ResponseHeaders = {};
  if (!header || typeof header !== 'object') return out;
  for (const [name, value] of Object.entries(header)) {
    if (value === undefined || value === null) continue;
    const key = name.toLowerCase();
    // Some clients give repeated headers as arrays; HTTP joins them with a comma.
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    out[key] = key in out ? `${out[key]}, ${text}` : text;
  }
  return out;
}

/** The headers event of any platform: Alipay names the field `headers`; `statusCode` only some give. */
export function readHeadersEvent(event: PlatformHeadersEvent | undefined): {
  header: ResponseHeaders;
  statusCode?: number;
} {
  const header = lowerCaseHeaders(event?.header ?? event?.headers);
  return typeof event?.statusCode === 'number' ? { header, statusCode: event.statusCode } : { header };
}

/** Where the platform saved the file: WeChat's `tempFilePath` or Alipay's `apFilePath`. */
export function savedTempPath(result: PlatformDownloadSuccess | undefined): string | undefined {
  return result?.tempFilePath ?? result?.apFilePath;
}

/** The success result's headers, if the platform put them there (Alipay does; WeChat does not). */
export function successHeaders(result: PlatformDownloadSuccess | undefined): ResponseHeaders | undefined {
  const header = result?.header ?? result?.headers;
  return header && typeof header === 'object' ? lowerCaseHeaders(header) : undefined;
}

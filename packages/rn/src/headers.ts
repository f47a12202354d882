import type { ResponseHeaders } from '@dl/types';

/**
 * Response headers with lower-case names, as the contract gives them. Native libraries pass names in the
 * platform's casing (Android: as on the wire; iOS: canonical, `Content-Length`), so the same header may
 * arrive twice in different casing; the values are then joined as HTTP joins repeated headers.
 */
export function lowerCaseHeaders(headers: Readonly<Record<string, string>>): ResponseHeaders {
  const record: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    record[key] = record[key] === undefined ? value : `${record[key]}, ${value}`;
  }
  return record;
}

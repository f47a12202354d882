import type { ResponseHeaders } from '@dl/types';

/** A fetch `Headers` object, described by the one method dl reads (mini-programs have no `Headers`). */
export interface HeadersLike {
  forEach(callback: (value: string, name: string) => void): void;
}

function isHeadersLike(value: object): value is HeadersLike {
  return typeof (value as Partial<HeadersLike>).forEach === 'function' && !Array.isArray(value);
}

/**
 * Response headers as the contract gives them: a plain object with lower-case names and string values,
 * from a fetch `Headers` or a platform's plain object (whose names keep the server's or the platform's
 * casing, so one header may arrive twice; repeated or array values are joined as HTTP joins them).
 */
export function headersToRecord(
  headers: HeadersLike | Readonly<Record<string, unknown>> | null | undefined,
): ResponseHeaders {
  const record: ResponseHeaders = {};
  if (!headers || typeof headers !== 'object') return record;
  const add = (value: unknown, name: string) => {
    if (value === undefined || value === null) return;
    const key = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    record[key] = record[key] === undefined ? text : `${record[key]}, ${text}`;
  };
  if (isHeadersLike(headers)) headers.forEach(add);
  else for (const name of Object.keys(headers)) add((headers as Record<string, unknown>)[name], name);
  return record;
}

/**
 * The size progress events announce: Content-Length, unless the body is content-encoded (the platform
 * decodes it, so the length counts bytes nobody will see) or the length is missing or malformed: then 0.
 */
export function expectedBodyLength(header: ResponseHeaders): number {
  const encoding = header['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') return 0;
  const length = header['content-length'];
  if (length === undefined || !/^\d+$/.test(length.trim())) return 0;
  return Number(length);
}

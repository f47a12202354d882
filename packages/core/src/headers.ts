import type { ResponseHeaders } from '@dl/types';

/**
 * Response headers as the contract gives them: a plain object with lower-case names and string values,
 * from a fetch `Headers` or a platform's plain object (whose names keep the server's or the platform's
 * casing, so one header may arrive twice; repeated or array values are joined as HTTP joins them).
 */
export function headersToRecord(
  headers: Headers | Readonly<Record<string, unknown>> | null | undefined,
): ResponseHeaders {
  const record: ResponseHeaders = {};
  if (!headers || typeof headers !== 'object') return record;
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    const key = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    record[key] = record[key] === undefined ? text : `${record[key]}, ${text}`;
  };
  // Mini-program runtimes have no `Headers` class.
  const entries =
    typeof Headers !== 'undefined' && headers instanceof Headers
      ? headers.entries()
      : Object.entries(headers);
  for (const [name, value] of entries) add(name, value);
  return record;
}

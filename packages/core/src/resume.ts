import type { ResponseHeaders, ResumeData } from '@dl/types';
import type { DownloadJob } from './driver';
import { type DownloadError, invalidArgument, networkError } from './errors';

/**
 * What the response that began the saved bytes can be checked against when continuing them: a strong
 * ETag, else Last-Modified (RFC 9110 §13.1.5: `If-Range` takes no weak ETag).
 */
export function validatorOf(header: ResponseHeaders): string | undefined {
  const etag = header.etag?.trim();
  if (etag && !etag.startsWith('W/')) return etag;
  return header['last-modified']?.trim() || undefined;
}

/** The request headers that continue a download at `offset`, only if the resource is unchanged. */
export function rangeHeaders(offset: number, validator: string): Record<string, string> {
  // Identity: a range of a compressed body cannot be decoded on its own (browsers drop this header and
  // handle it themselves).
  return { Range: `bytes=${offset}-`, 'If-Range': validator, 'Accept-Encoding': 'identity' };
}

/** `Content-Range: bytes <first>-<last>/<total>` read as numbers (total -1 when `*`). */
export function parseContentRange(header: ResponseHeaders): { first: number; total: number } | undefined {
  const match = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(header['content-range']?.trim() ?? '');
  if (!match) return undefined;
  return { first: Number(match[1]), total: match[3] === '*' ? -1 : Number(match[3]) };
}

/**
 * Where a driver writes this response's body in the saved bytes: `job.resume.offset` when it is the
 * rest of them (206 from that offset), 0 when it is the whole resource again (no resume asked, or the
 * server ignored Range or found the resource changed): the driver then truncates what it had, so two
 * versions are never glued together. A 206 from another offset is refused.
 */
export function continuesAt(
  job: Pick<DownloadJob, 'resume'>,
  statusCode: number,
  header: ResponseHeaders,
): number {
  if (!job.resume || statusCode !== 206) return 0;
  const range = parseContentRange(header);
  if (!range || range.first !== job.resume.offset) throw networkError('the server sent another range');
  const encoding = header['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity')
    throw networkError('the server sent an encoded range');
  return job.resume.offset;
}

/** The total size a 206 announces (Content-Range), 0 when unknown. */
export function rangeTotal(header: ResponseHeaders): number {
  const range = parseContentRange(header);
  return range && range.total > 0 ? range.total : 0;
}

/** Checks a `resumeData` option against the task it is given to. */
export function checkResumeData(
  value: unknown,
  expected: { adapter: string; url: string; filePath?: string | undefined },
): ResumeData | DownloadError | undefined {
  if (value === undefined || value === null) return undefined;
  const data = value as Partial<ResumeData>;
  if (typeof data !== 'object' || typeof data.partial !== 'string' || data.partial === '') {
    return invalidArgument('invalid resumeData');
  }
  if (data.adapter !== expected.adapter)
    return invalidArgument('invalid resumeData: saved by another adapter');
  if (data.url !== expected.url) return invalidArgument('invalid resumeData: saved for another url');
  if (data.filePath !== expected.filePath)
    return invalidArgument('invalid resumeData: saved for another filePath');
  return data as ResumeData;
}

/**
 * The response a continued download reports when the one that began its bytes came in an earlier run
 * of the app: the 206's headers presented as the whole resource's (status 200, the whole length), so a
 * caller checking `statusCode === 200` reads a resumed download as it reads any other.
 */
export function asWholeResponse(
  header: ResponseHeaders,
  total: number,
): { statusCode: number; header: ResponseHeaders } {
  const whole: ResponseHeaders = {};
  for (const name of Object.keys(header)) if (name !== 'content-range') whole[name] = header[name] as string;
  if (total > 0) whole['content-length'] = String(total);
  else delete whole['content-length'];
  return { statusCode: 200, header: whole };
}

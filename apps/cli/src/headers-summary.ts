import type { OnHeadersReceivedCallbackResult } from '@dl/types';
import prettyBytes from 'pretty-bytes';

const SHOWN = ['content-type', 'content-encoding', 'etag', 'last-modified', 'accept-ranges'];

/** One short line about the response, printed the moment its headers arrive. */
export function summarizeHeaders({ statusCode, header }: OnHeadersReceivedCallbackResult): string {
  const length = header['content-length'];
  const size = length && !header['content-encoding'] ? prettyBytes(Number(length)) : 'unknown size';
  const details = SHOWN.filter((name) => header[name]).map((name) => `${name}: ${header[name]}`);
  return [`HTTP ${statusCode}`, size, ...details].join(' · ');
}

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PassThrough, pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { AbortSignalLike, ResponseHeaders } from '@dl/types';

/** A response as the node driver reads it: status, lower-case headers, and the decoded body. */
export interface NodeResponse {
  status: number;
  header: ResponseHeaders;
  /** The body with its Content-Encoding undone; errors (cut connection, corrupt encoding) reject reads. */
  body: Readable;
  /** Stops the response: the connection is closed, the body errors with `reason`. */
  destroy(reason?: unknown): void;
}

/** Response headers as one plain object: lower-case names, repeated headers joined with `, ` (as fetch). */
function headersOf(message: IncomingMessage): ResponseHeaders {
  const header: ResponseHeaders = {};
  const raw = message.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    header[name] = header[name] === undefined ? value : `${header[name]}, ${value}`;
  }
  return header;
}

/**
 * The decoders for a Content-Encoding list, outermost last (so applied in reverse), as fetch decodes:
 * gzip, deflate and br; an unknown coding leaves the body as it came.
 */
function decodersFor(encoding: string | undefined): Transform[] {
  if (!encoding) return [];
  const decoders: Transform[] = [];
  const codings = encoding
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter(Boolean)
    .reverse();
  for (const coding of codings) {
    if (coding === 'gzip' || coding === 'x-gzip') decoders.push(createGunzip());
    else if (coding === 'deflate') decoders.push(createInflate());
    else if (coding === 'br') decoders.push(createBrotliDecompress());
    else if (coding !== 'identity') return [];
  }
  return decoders;
}

/**
 * One GET over node:http(s), redirects not followed. Unlike Node's fetch it hands over the raw (identity)
 * body and decodes it with a zlib pipeline of dl's own, so a corrupt or truncated encoded body fails
 * the read at once — fetch's decoder can leave such a body hanging forever on a reused keep-alive
 * connection, and accepts a truncated gzip stream as complete.
 */
export function httpGet(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignalLike,
): Promise<NodeResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const outgoing: Record<string, string> = {
      'accept-encoding': 'gzip, deflate, br',
      ...lowerCased(headers),
    };
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', headers: outgoing });
    let settled = false;
    const onAbort = () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      if (!settled) {
        settled = true;
        reject(signal.aborted ? signal.reason : error);
      }
    });
    req.once('response', (message) => {
      settled = true;
      const status = message.statusCode ?? 0;
      const header = headersOf(message);
      // Bodies that cannot exist are not decoded (an empty body is not a valid gzip stream).
      const decoders = status === 204 || status === 304 ? [] : decodersFor(header['content-encoding']);
      let body: Readable = message;
      if (decoders.length > 0) {
        const out = new PassThrough();
        // pipeline destroys every stage on the first error, the connection included.
        pipeline([message, ...decoders, out], () => {});
        body = out;
      }
      // A body that ends before Content-Length (or its chunked end) said is cut short, not complete.
      message.once('aborted', () => body.destroy(new Error('the connection closed before the body ended')));
      message.once('close', () => {
        if (!message.complete) body.destroy(new Error('the connection closed before the body ended'));
      });
      const destroy = (reason?: unknown) => {
        const error = reason instanceof Error ? reason : new Error('aborted');
        body.destroy(error);
        message.destroy(error);
        req.destroy(error);
      };
      signal.removeEventListener('abort', onAbort);
      resolve({ status, header, body, destroy });
    });
    req.end();
  });
}

/**
 * Headers that frame the message or the connection, which HTTP leaves to the client: a caller's value
 * would make the request unparseable or hang it (`Content-Length: 5` on a GET without a body). Dropped,
 * as browsers' fetch drops them.
 */
const CONNECTION_HEADERS = new Set([
  'connection',
  'content-length',
  'expect',
  'host',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function lowerCased(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const key = name.toLowerCase();
    if (!CONNECTION_HEADERS.has(key)) out[key] = headers[name]!;
  }
  return out;
}

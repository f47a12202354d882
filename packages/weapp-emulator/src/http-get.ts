import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PassThrough, pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** The final response of one hop: lower-case headers, its cookies, and the body with its coding undone. */
export interface HopResponse {
  status: number;
  header: Record<string, string>;
  cookies: string[];
  /** Fails on a corrupt or cut body, as the platform's network stack does. */
  body: Readable;
}

const CODINGS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** The body decoded by a zlib pipeline of our own (any stage's error destroys the connection too). */
function decoded(message: IncomingMessage, encoding: string | undefined): Readable {
  const stages = (encoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== 'identity')
    .reverse()
    .map((coding) => CODINGS[coding]?.());
  // An unknown coding, or a status with no body: handed over as it came.
  if (stages.length === 0 || stages.includes(undefined) || [204, 304].includes(message.statusCode ?? 0))
    return message;
  const out = new PassThrough();
  pipeline([message, ...(stages as Transform[]), out], () => {});
  return out;
}

/**
 * One GET over node:http(s), redirects not followed. Not fetch: its decoder can leave a body with a
 * corrupt gzip coding hanging for ever when the body arrives after the headers, where the platform
 * fails the download. `signal` stops the request and its body at any point.
 */
export function httpGet(
  url: string,
  header: Record<string, string>,
  signal: AbortSignal,
): Promise<HopResponse> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'GET',
      headers: { 'accept-encoding': 'gzip, deflate, br', ...header },
      signal,
    });
    // Later errors (the connection reset mid-body) reach the body's reader; this settles only the first.
    req.on('error', reject);
    req.once('response', (message) => {
      const headers: Record<string, string> = {};
      // As fetch's Headers list them: repeated headers joined, each Set-Cookie apart (the last one kept).
      for (const [name, value] of Object.entries(message.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value[value.length - 1]! : value;
      }
      const body = decoded(message, headers['content-encoding']);
      // Its reader sees any error; until one reads (the target file is opened first), none may go unheard.
      body.on('error', () => {});
      // A body that ends before its Content-Length (or chunked end) is cut short, not complete.
      message.once('close', () => {
        if (!message.complete) body.destroy(new Error('the connection closed before the body ended'));
      });
      resolve({
        status: message.statusCode ?? 0,
        header: headers,
        cookies: message.headers['set-cookie'] ?? [],
        body,
      });
    });
    req.end();
  });
}

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createGunzip } from 'node:zlib';

/** OkHttp's limit on followed redirects (`RetryAndFollowUpInterceptor.MAX_FOLLOW_UPS`). */
export const OKHTTP_MAX_FOLLOW_UPS = 20;
const REDIRECTS = new Set([300, 301, 302, 303, 307, 308]);

export interface NativeHttpResponse {
  status: number;
  /** One value per name, names as on the wire, the last value winning (as `getResponseInfo` builds it). */
  headers: Record<string, string>;
  /** `Content-Length` of the body handed on, -1 when unknown (also after transparent gzip decoding). */
  contentLength: number;
  /** Every URL requested, in order (the library's `redirects` list). */
  urls: string[];
  body: NodeJS.ReadableStream;
  /** Closes the connection (OkHttp `Call.cancel()`). */
  destroy(): void;
}

/** An error as OkHttp words it, so the library's message (`e.getLocalizedMessage()`) reads the same. */
function okHttpError(error: NodeJS.ErrnoException, url: URL): Error {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (error.code === 'ECONNREFUSED') return new Error(`Failed to connect to /${url.hostname}:${port}`);
  if (error.code === 'ENOTFOUND')
    return new Error(`Unable to resolve host "${url.hostname}": No address associated with hostname`);
  if (error.code === 'ECONNRESET') return new Error('unexpected end of stream');
  return new Error(error.message);
}

function once(url: URL, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', headers, signal }, resolve);
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(signal.aborted ? new Error('Canceled') : okHttpError(error, url)),
    );
    req.end();
  });
}

/**
 * One GET as OkHttp runs it for the library: its default headers, transparent gzip, redirects followed
 * unless turned off. Resolves at the response head; the body streams after.
 */
export async function okHttpGet(
  url: string,
  callerHeaders: Record<string, string>,
  followRedirects: boolean,
  signal: AbortSignal,
): Promise<NativeHttpResponse> {
  const names = Object.keys(callerHeaders).map((n) => n.toLowerCase());
  // BridgeInterceptor: ask for gzip (and decode it) only when the caller did not choose an encoding or a range.
  const transparentGzip = !names.includes('accept-encoding') && !names.includes('range');
  const headers: Record<string, string> = { ...callerHeaders };
  if (transparentGzip) headers['Accept-Encoding'] = 'gzip';
  if (!names.includes('user-agent')) headers['User-Agent'] = 'okhttp/4.12.0';

  const urls: string[] = [];
  let current = new URL(url);
  for (let followUps = 0; ; followUps++) {
    urls.push(current.href);
    const response = await once(current, headers, signal);
    const location = response.headers.location;
    if (followRedirects && REDIRECTS.has(response.statusCode ?? 0) && location) {
      response.resume();
      response.destroy();
      if (followUps + 1 > OKHTTP_MAX_FOLLOW_UPS)
        throw new Error(`Too many follow-up requests: ${followUps + 1}`);
      current = new URL(location, current);
      continue;
    }
    const wire: Record<string, string> = {};
    for (let i = 0; i < response.rawHeaders.length; i += 2) {
      wire[response.rawHeaders[i]!] = response.rawHeaders[i + 1]!;
    }
    const encoding = response.headers['content-encoding'];
    const decode = transparentGzip && encoding?.toLowerCase() === 'gzip';
    if (decode) {
      for (const name of Object.keys(wire)) {
        if (/^content-(encoding|length)$/i.test(name)) delete wire[name];
      }
    }
    const length = response.headers['content-length'];
    const body = decode ? response.pipe(createGunzip()) : response;
    if (decode) response.on('error', (error) => body.emit('error', error));
    return {
      status: response.statusCode ?? 0,
      headers: wire,
      contentLength: !decode && length !== undefined && /^\d+$/.test(length) ? Number(length) : -1,
      urls,
      body,
      destroy: () => {
        response.destroy();
      },
    };
  }
}

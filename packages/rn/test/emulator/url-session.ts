import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createGunzip } from 'node:zlib';

/** `NSURLSessionConfiguration.timeoutIntervalForRequest` when the library's `timeout` option is not set. */
export const URL_SESSION_DEFAULT_TIMEOUT_MS = 60_000;
/** How many redirects CFNetwork follows before `NSURLErrorHTTPTooManyRedirects`. */
export const URL_SESSION_MAX_REDIRECTS = 16;
const REDIRECTS = new Set([300, 301, 302, 303, 307, 308]);

/**
 * `NSURLErrorDomain` failures by their `localizedDescription` (en), which the library passes to JavaScript
 * as the error message (`didCompleteWithError`).
 */
export const NSURL_ERROR = {
  cannotConnectToHost: 'Could not connect to the server.',
  cannotFindHost: 'A server with the specified hostname could not be found.',
  timedOut: 'The request timed out.',
  networkConnectionLost: 'The network connection was lost.',
  tooManyRedirects: 'too many HTTP redirects',
} as const;

export interface UrlSessionResponse {
  status: number;
  /** `allHeaderFields`. */
  headers: Record<string, string>;
  /**
   * `NSURLResponse.expectedContentLength`: the `Content-Length` as sent (for a gzip body, the compressed
   * length, although the body handed on is decoded), -1 (`NSURLResponseUnknownLength`) without one.
   */
  expectedContentLength: number;
  /** Every URL requested, in order (the library's `redirects` list). */
  urls: string[];
  /** The body as `didReceiveData:` hands it on; fails with the session's message. */
  body: AsyncIterable<Buffer>;
  /** `[task cancel]`. */
  destroy(): void;
}

/** A header name as `NSHTTPURLResponse.allHeaderFields` spells it: each word capitalised (`ETag` → `Etag`). */
export function canonicalHeaderName(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join('-');
}

/** `allHeaderFields`: one entry per name in canonical casing, repeated headers joined with `, `. */
function allHeaderFields(rawHeaders: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = canonicalHeaderName(rawHeaders[i]!);
    const value = rawHeaders[i + 1]!;
    fields[name] = fields[name] === undefined ? value : `${fields[name]}, ${value}`;
  }
  return fields;
}

function urlError(error: NodeJS.ErrnoException): Error {
  if (error.code === 'ECONNREFUSED') return new Error(NSURL_ERROR.cannotConnectToHost);
  if (error.code === 'ENOTFOUND') return new Error(NSURL_ERROR.cannotFindHost);
  if (error.code === 'ETIMEDOUT') return new Error(NSURL_ERROR.timedOut);
  return new Error(NSURL_ERROR.networkConnectionLost);
}

/**
 * The session's idle timer: `timeoutIntervalForRequest` is the longest wait for the response or for the
 * next body bytes, not a limit on the whole transfer.
 */
class IdleTimer {
  #timer: ReturnType<typeof setTimeout> | undefined;
  constructor(
    private readonly ms: number,
    private readonly onTimeout: () => void,
  ) {
    this.touch();
  }
  touch(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.onTimeout, this.ms);
  }
  stop(): void {
    clearTimeout(this.#timer);
  }
}

function once(
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
  timedOut: () => boolean,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', headers, signal }, resolve);
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(timedOut() ? new Error(NSURL_ERROR.timedOut) : urlError(error)),
    );
    req.end();
  });
}

/**
 * One GET as an `NSURLSessionDataTask` runs it for the library: its default headers, gzip decoded whatever
 * the caller asked for (with `Content-Encoding`/`Content-Length` left in the headers), redirects followed
 * (up to {@link URL_SESSION_MAX_REDIRECTS}) unless refused, and the idle timeout. Resolves at the response
 * head; the body streams after and errors with the session's message.
 */
export async function urlSessionGet(
  url: string,
  callerHeaders: Record<string, string>,
  followRedirects: boolean,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<UrlSessionResponse> {
  const names = Object.keys(callerHeaders).map((n) => n.toLowerCase());
  const headers: Record<string, string> = { ...callerHeaders };
  if (!names.includes('accept-encoding')) headers['Accept-Encoding'] = 'gzip, deflate, br';
  if (!names.includes('user-agent')) headers['User-Agent'] = 'App/1 CFNetwork/1498.700.2 Darwin/23.6.0';
  if (!names.includes('accept')) headers.Accept = '*/*';

  // The timer aborts the socket through its own controller so that a time-out reads as one, not as a cancel.
  const connection = new AbortController();
  let timedOut = false;
  const timer = new IdleTimer(timeoutMs, () => {
    timedOut = true;
    connection.abort();
  });
  const onCancel = () => connection.abort();
  signal.addEventListener('abort', onCancel, { once: true });
  const stop = () => {
    timer.stop();
    signal.removeEventListener('abort', onCancel);
  };

  const urls: string[] = [];
  let current = new URL(url);
  try {
    for (let redirects = 0; ; redirects++) {
      urls.push(current.href);
      const response = await once(current, headers, connection.signal, () => timedOut);
      timer.touch();
      const location = response.headers.location;
      if (followRedirects && REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.resume();
        response.destroy();
        if (redirects + 1 > URL_SESSION_MAX_REDIRECTS) throw new Error(NSURL_ERROR.tooManyRedirects);
        current = new URL(location, current);
        continue;
      }
      const encoding = response.headers['content-encoding']?.toLowerCase();
      const length = response.headers['content-length'];
      const source = encoding === 'gzip' ? response.pipe(createGunzip()) : response;
      if (source !== response) response.on('error', (error) => source.destroy(error));
      async function* body(): AsyncGenerator<Buffer> {
        try {
          for await (const chunk of source) {
            timer.touch();
            yield chunk as Buffer;
          }
        } catch {
          throw new Error(timedOut ? NSURL_ERROR.timedOut : NSURL_ERROR.networkConnectionLost);
        } finally {
          stop();
        }
      }
      return {
        status: response.statusCode ?? 0,
        headers: allHeaderFields(response.rawHeaders),
        expectedContentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : -1,
        urls,
        body: body(),
        destroy: () => {
          stop();
          response.destroy();
        },
      };
    }
  } catch (error) {
    stop();
    throw error;
  }
}

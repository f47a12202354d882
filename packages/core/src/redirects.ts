import { networkError, tooManyRedirects } from './errors';
import { parseHttpUrl, sameOrigin } from './url';

/** WeChat follows at most 15 redirects; the contract makes that the limit everywhere. */
export const MAX_REDIRECTS = 15;

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

/** Request headers that carry the caller's credentials: never sent to another origin than the first. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Whether a response is a redirect (a redirect status with a Location), whatever its target is worth. */
export function isRedirect(statusCode: number, location: string | null | undefined): boolean {
  return REDIRECT_STATUSES.indexOf(statusCode) >= 0 && location != null;
}

/**
 * Where a response sends the client next, for drivers that follow redirects by hand (to count them):
 * the absolute URL when `statusCode` is a redirect with a `Location`, else undefined. A Location that is
 * not an http(s) URL fails with NETWORK: only http(s) is ever fetched, redirects included.
 */
export function redirectTarget(statusCode: number, location: string | null | undefined, from: string) {
  if (!isRedirect(statusCode, location) || location == null) return undefined;
  const next = parseHttpUrl(location, from);
  if (typeof next === 'string') {
    throw networkError(
      next === 'scheme' ? 'redirect to a scheme other than http(s) refused' : 'invalid redirect location',
    );
  }
  return next.href;
}

/** The request headers without the credential headers, for a hop to another origin than the first. */
export function withoutCredentials(header: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(header)) {
    if (CREDENTIAL_HEADERS.indexOf(name.toLowerCase()) < 0) out[name] = header[name] as string;
  }
  return out;
}

/** Whether two absolute http(s) URLs have the same origin. */
export function sameOriginUrls(a: string, b: string): boolean {
  const x = parseHttpUrl(a);
  const y = parseHttpUrl(b);
  return typeof x !== 'string' && typeof y !== 'string' && sameOrigin(x, y);
}

/** What a driver's response says about redirecting. */
export interface RedirectHop {
  statusCode: number;
  location: string | null | undefined;
}

/**
 * Requests `url`, following redirects by hand up to {@link MAX_REDIRECTS} (loops included) and failing
 * with TOO_MANY_REDIRECTS past that; resolves to the final response. Each hop gets `header` minus the
 * credential headers once the chain has left the first origin. `release` frees a redirect's response
 * (its body is never read).
 */
export async function followRedirects<R>(
  url: string,
  header: Readonly<Record<string, string>>,
  request: (url: string, header: Record<string, string>) => Promise<R>,
  hop: (response: R) => RedirectHop,
  release?: (response: R) => Promise<void>,
): Promise<R> {
  let current = url;
  // Credentials go to the first origin only: once a hop leaves it they stay off, as in browsers' fetch.
  let credentials = true;
  for (let hops = 0; ; hops++) {
    const response = await request(current, credentials ? { ...header } : withoutCredentials(header));
    const { statusCode, location } = hop(response);
    let next: string | undefined;
    try {
      next = redirectTarget(statusCode, location, current);
    } catch (error) {
      await release?.(response);
      throw error;
    }
    if (next === undefined) return response;
    await release?.(response);
    if (hops >= MAX_REDIRECTS) throw tooManyRedirects();
    if (credentials && !sameOriginUrls(url, next)) credentials = false;
    current = next;
  }
}

import { tooManyRedirects } from './errors';

/** WeChat follows at most 15 redirects; the contract makes that the limit everywhere. */
export const MAX_REDIRECTS = 15;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Where a response sends the client next, for drivers that follow redirects by hand (to count them):
 * the absolute URL when `statusCode` is a redirect with a `Location`, else undefined.
 */
export function redirectTarget(statusCode: number, location: string | null | undefined, from: string) {
  if (!REDIRECT_STATUSES.has(statusCode) || location == null) return undefined;
  return new URL(location, from).href;
}

/** What a driver's response says about redirecting. */
export interface RedirectHop {
  statusCode: number;
  location: string | null | undefined;
}

/**
 * Requests `url`, following redirects by hand up to {@link MAX_REDIRECTS} (loops included) and failing
 * with TOO_MANY_REDIRECTS past that; resolves to the final response. `release` frees a redirect's
 * response (its body is never read).
 */
export async function followRedirects<R>(
  url: string,
  request: (url: string) => Promise<R>,
  hop: (response: R) => RedirectHop,
  release?: (response: R) => Promise<void>,
): Promise<R> {
  let current = url;
  for (let hops = 0; ; hops++) {
    const response = await request(current);
    const { statusCode, location } = hop(response);
    const next = redirectTarget(statusCode, location, current);
    if (next === undefined) return response;
    await release?.(response);
    if (hops >= MAX_REDIRECTS) throw tooManyRedirects();
    current = next;
  }
}

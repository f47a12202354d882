import { tooManyRedirects } from '@dl/core';

/** WeChat follows at most 15 redirects; the contract makes that the limit everywhere. */
export const MAX_REDIRECTS = 15;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * GET with redirects followed by hand: fetch's own limit is 20 and its error cannot be told from a
 * network failure, while the contract wants exactly 15 and a TOO_MANY_REDIRECTS code (loops included).
 */
export async function fetchFollowingRedirects(
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
  maxRedirects = MAX_REDIRECTS,
): Promise<Response> {
  let current = url;
  for (let hops = 0; ; hops++) {
    const response = await fetch(current, {
      method: 'GET',
      headers: init.headers,
      signal: init.signal,
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return response;
    // Free the connection: a redirect's body is never read.
    await response.body?.cancel().catch(() => {});
    if (hops >= maxRedirects) throw tooManyRedirects();
    current = new URL(location, current).href;
  }
}

import { MAX_REDIRECTS, redirectTarget, tooManyRedirects } from '@dl/core';

/**
 * GET with redirects followed by hand: fetch's own limit is 20 and its error cannot be told from a
 * network failure, while the contract wants exactly 15 and a TOO_MANY_REDIRECTS code (loops included).
 */
export async function fetchFollowingRedirects(
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
): Promise<Response> {
  let current = url;
  for (let hops = 0; ; hops++) {
    const response = await fetch(current, {
      method: 'GET',
      headers: init.headers,
      signal: init.signal,
      redirect: 'manual',
    });
    const next = redirectTarget(response.status, response.headers.get('location'), current);
    if (next === undefined) return response;
    // Free the connection: a redirect's body is never read.
    await response.body?.cancel().catch(() => {});
    if (hops >= MAX_REDIRECTS) throw tooManyRedirects();
    current = next;
  }
}

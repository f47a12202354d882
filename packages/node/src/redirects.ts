import { followRedirects } from '@dl/core';

/**
 * GET with redirects followed by hand: fetch's own limit is 20 and its error cannot be told from a
 * network failure, while the contract wants exactly 15 and a TOO_MANY_REDIRECTS code (loops included).
 */
export async function fetchFollowingRedirects(
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
): Promise<Response> {
  return followRedirects(
    url,
    init.headers,
    (current, headers) => fetch(current, { method: 'GET', headers, signal: init.signal, redirect: 'manual' }),
    (response) => ({ statusCode: response.status, location: response.headers.get('location') }),
    // Free the connection: a redirect's body is never read.
    async (response) => {
      await response.body?.cancel().catch(() => {});
    },
  );
}

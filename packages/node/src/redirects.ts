import { followRedirects } from '@dl/core';
import type { AbortSignalLike } from '@dl/types';
import { httpGet, type NodeResponse } from './http';

/**
 * GET with redirects followed by hand: the contract wants exactly 15 and a TOO_MANY_REDIRECTS code
 * (loops included), credentials to the first origin only and http(s) targets only (core's followRedirects).
 */
export async function getFollowingRedirects(
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignalLike },
): Promise<NodeResponse> {
  return followRedirects(
    url,
    init.headers,
    (current, headers) => httpGet(current, headers, init.signal),
    (response) => ({ statusCode: response.status, location: response.header.location }),
    // A redirect's body is never read: close its connection rather than drain an unknown amount.
    async (response) => {
      response.destroy();
    },
  );
}

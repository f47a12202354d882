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

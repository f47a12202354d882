/** WeChat follows at most 15 redirects; the contract makes that the limit everywhere. */
export const MAX_REDIRECTS = 15;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** The next URL when `statusCode`/`headers` (lower-case names) are a redirect, else undefined. */
export function redirectTarget(
  statusCode: number,
  headers: Readonly<Record<string, string>>,
  from: string,
): string | undefined {
  const location = headers.location;
  if (!REDIRECT_STATUSES.has(statusCode) || location === undefined) return undefined;
  return new URL(location, from).href;
}

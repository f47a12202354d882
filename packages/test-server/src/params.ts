/** Reading scenario parameters from a query string, with a clear 400 for a bad one. */
export class BadParameter extends Error {}

export function intParam(search: URLSearchParams, name: string, fallback: number): number;
export function intParam(search: URLSearchParams, name: string): number | undefined;
export function intParam(search: URLSearchParams, name: string, fallback?: number): number | undefined {
  const raw = search.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw))
    throw new BadParameter(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** One request as the server saw it. */
export interface LoggedRequest {
  /** The `id` query parameter ('' when absent). */
  id: string;
  method: string;
  /** Path without the query, e.g. `/file`. */
  path: string;
  /** Query parameters (the last value of a repeated one). */
  query: Record<string, string>;
  /** Request headers, lower-case names. */
  headers: Record<string, string>;
  /** `Date.now()` when the request arrived. */
  startedAt: number;
  /** Body bytes written to the socket so far. */
  bytesSent: number;
  /** The whole response was sent. */
  finished: boolean;
  /** The client closed the connection before the response was complete. */
  clientAborted: boolean;
}

let counter = 0;

/** A fresh id for tagging one test's requests. */
export function newRequestId(): string {
  counter += 1;
  return `r${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A URL on loopback whose port refuses connections (asked of the server, so it works from a browser). */
export async function refusedUrl(base: string): Promise<string> {
  const response = await fetch(`${base.replace(/\/+$/, '')}/__closed-port`);
  const { port } = (await response.json()) as { port: number };
  return `http://127.0.0.1:${port}/file`;
}

/** Reads the server's log of requests tagged `id`, over HTTP (works from a browser too). */
export async function fetchLog(base: string, id: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${base.replace(/\/+$/, '')}/__log?id=${encodeURIComponent(id)}`);
  if (!response.ok) throw new Error(`test server log: HTTP ${response.status}`);
  return (await response.json()) as LoggedRequest[];
}

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
  /** `Date.now()` when the request stopped being open (response done, or the client's FIN/RST seen). */
  endedAt?: number;
}

/** The most requests open at once among `entries` (by `startedAt`/`endedAt`; unended ones still open). */
export function maxOpenAtOnce(entries: readonly LoggedRequest[]): number {
  const edges: Array<[number, number]> = [];
  for (const e of entries) {
    edges.push([e.startedAt, 1]);
    if (e.endedAt !== undefined) edges.push([e.endedAt, -1]);
  }
  // At equal times an end comes before a start: the old request let go before the new one arrived.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let max = 0;
  for (const [, delta] of edges) {
    open += delta;
    max = Math.max(max, open);
  }
  return max;
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

const faultPorts = new Map<string, Promise<number>>();

/** The kinds of raw-socket fault the test server's second listener serves (see `startFaultServer`). */
export type FaultKind =
  | 'reset-headers'
  | 'close-headers'
  | 'reset-body'
  | 'long-length'
  | 'short-length'
  | 'bad-gzip'
  | 'ok';

/** A URL on the test server's raw fault listener (its port asked of the server once per base). */
export async function faultUrl(
  base: string,
  kind: FaultKind,
  params: { size?: number; at?: number; seed?: number; id?: string } = {},
): Promise<string> {
  const root = base.replace(/\/+$/, '');
  let port = faultPorts.get(root);
  if (!port) {
    port = fetch(`${root}/__fault-port`)
      .then((response) => response.json() as Promise<{ port: number }>)
      .then((body) => body.port);
    faultPorts.set(root, port);
  }
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) search.set(name, String(value));
  const host = new URL(root).hostname;
  return `http://${host}:${await port}/${kind}?${search}`;
}

/** Reads the server's log of requests tagged `id`, over HTTP (works from a browser too). */
export async function fetchLog(base: string, id: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${base.replace(/\/+$/, '')}/__log?id=${encodeURIComponent(id)}`);
  if (!response.ok) throw new Error(`test server log: HTTP ${response.status}`);
  return (await response.json()) as LoggedRequest[];
}

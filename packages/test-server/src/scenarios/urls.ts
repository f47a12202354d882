/** Parameters of `/file`: one scenario per request, chosen in the query string. */
export interface FileParams {
  /** Body size in bytes (before gzip). @default 1024 */
  size?: number;
  /** Content seed: the same seed and offset always give the same byte. @default 1 */
  seed?: number;
  /** `none`: no Content-Length (chunked). `compressed`: with `gzip`, the gzip body's length. */
  length?: 'none' | 'compressed';
  /** Bytes per write. @default 65536 */
  chunk?: number;
  /** Milliseconds between writes (a slow, trickling body). */
  delay?: number;
  /** Milliseconds before the status line is sent. */
  wait?: number;
  /** Send this many body bytes, then nothing more while keeping the connection open. */
  stallAt?: number;
  /** Send this many body bytes, then destroy the socket (a body cut off mid-way). */
  cutAt?: number;
  /** Gzip-encode the body (Content-Encoding: gzip). */
  gzip?: 0 | 1;
  /** Status code to answer with; the body is sent whatever the status. @default 200 */
  status?: number;
  /** Content-Type. @default application/octet-stream */
  type?: string;
  /** Extra response headers, each `Name:Value`. */
  hdr?: string[];
  /** `none`: send no Access-Control-Expose-Headers (a cross-origin client then sees few headers). */
  expose?: 'none';
  /** Tags the request in the server's log, so a test reads back exactly its own requests. */
  id?: string;
  /** The first N requests with this `id` answer `failStatus` (then the file is served). */
  failFirst?: number;
  /** The status of those failing answers (400-599). @default 503 */
  failStatus?: number;
  /** `Retry-After` on those failing answers (seconds, or an HTTP date). */
  retryAfter?: string | number;
  /** `cutAt` applies only to the first N requests with this `id`. */
  cutFirst?: number;
  /** After N requests with this `id`, the resource changes (the next seed's bytes and ETag). */
  changeAfter?: number;
  /** `weak`: a weak ETag; `none`: no ETag (If-Range then never matches). Default: a strong ETag. */
  etag?: 'weak' | 'none';
  /** `none`: ignore Range and always send the whole body with 200. */
  ranges?: 'none';
}

/** Parameters of `/redirect`: `n` hops, then the `/file` with the remaining parameters. */
export interface RedirectParams extends FileParams {
  /** Hops before the file. @default 1 */
  n?: number;
  /** 301, 302, 303, 307 or 308. @default 302 */
  code?: number;
  /** Redirect to itself forever. */
  loop?: 0 | 1;
  /** The last hop goes to `/file` on this origin (`http://host:port`) instead of the same one. */
  to?: string;
  /** Answer with exactly this Location (e.g. `data:,x` or `file:///etc/passwd`). */
  location?: string;
}

function query(params: object): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) search.append(name, String(item));
    else search.append(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function join(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

/** A `/file` URL on the server at `base`. */
export function fileUrl(base: string, params: FileParams = {}): string {
  return join(base, `/file${query(params)}`);
}

/** A `/redirect` URL on the server at `base`. */
export function redirectUrl(base: string, params: RedirectParams = {}): string {
  return join(base, `/redirect${query(params)}`);
}

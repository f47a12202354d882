import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors } from '../cors';
import { BadParameter, intParam } from '../params';

const CODES = new Set([301, 302, 303, 307, 308]);

/**
 * `/redirect`: `n` hops (each a relative Location), then `/file` with the remaining parameters;
 * `loop=1` points at itself forever; `to=<origin>` makes the last hop absolute, to `/file` on that origin
 * (e.g. `http://localhost:PORT`, another origin for the same server); `location=<text>` answers with that
 * Location as it is (a `data:` or `file:` URL, say).
 */
export function serveRedirect(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const search = new URLSearchParams(url.searchParams);
  const n = intParam(search, 'n', 1);
  const code = intParam(search, 'code', 302);
  if (!CODES.has(code)) throw new BadParameter(`code must be one of ${[...CODES].join(', ')}, got ${code}`);
  let location: string;
  const raw = search.get('location');
  const to = search.get('to');
  if (raw !== null) {
    location = raw;
  } else if (search.get('loop') === '1') {
    location = `/redirect?${search}`;
  } else if (n > 1) {
    search.set('n', String(n - 1));
    location = `/redirect?${search}`;
  } else {
    search.delete('n');
    search.delete('code');
    search.delete('loop');
    search.delete('to');
    location = `${to ? to.replace(/\/+$/, '') : ''}/file?${search}`;
  }
  applyCors(req, res);
  res.setHeader('Cache-Control', 'no-store');
  res.writeHead(code, { Location: location, 'Content-Type': 'text/plain' });
  res.end(`redirecting to ${location}\n`);
}

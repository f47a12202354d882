import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors } from '../cors';
import type { LoggedRequest } from '../scenarios/log';

/** `/echo`: the request as the server saw it, as JSON. */
export function serveEcho(req: IncomingMessage, res: ServerResponse, entry: LoggedRequest): void {
  applyCors(req, res);
  const body = JSON.stringify({
    method: entry.method,
    path: entry.path,
    query: entry.query,
    headers: entry.headers,
  });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(body);
}

import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { RequestLog } from './request-log';
import { contentBytes } from './scenarios/content';

/**
 * The faults an HTTP server cannot produce through node:http, served over raw sockets (HTTP/1.1,
 * keep-alive) on a second loopback listener. `/<kind>?size=&at=&seed=&id=`; every request is logged in
 * the main server's log (so `/__log?id=` reads it).
 *
 * - `reset-headers`: reset the connection (RST) as soon as the request arrives, before any header.
 * - `close-headers`: close it (FIN) without a byte of response: an empty reply.
 * - `reset-body`: Content-Length `size`, `at` body bytes, then RST.
 * - `long-length`: Content-Length `size`, only `at` body bytes, then FIN (the length is longer than the body).
 * - `short-length`: Content-Length `at`, then `size` body bytes, connection kept: the surplus stays on
 *   the connection, where a client that reuses it must not take it for the next response.
 * - `bad-gzip`: Content-Encoding gzip with a body that is not gzip (`at`: 0 garbage, 1 truncated,
 *   2 corrupt middle), connection kept.
 * - `ok`: `size` bytes, correctly framed, connection kept.
 */
export async function startFaultServer(log: RequestLog): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let pending = Buffer.alloc(0);
    socket.on('data', (data) => {
      pending = Buffer.concat([pending, data]);
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const head = pending.subarray(0, end).toString('latin1');
        pending = pending.subarray(end + 4);
        if (!socket.destroyed) answer(socket, head, log);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const CORS =
  'Access-Control-Allow-Origin: *\r\nAccess-Control-Expose-Headers: *\r\nCache-Control: no-store\r\n';

function answer(socket: Socket, head: string, log: RequestLog) {
  const [requestLine = '', ...lines] = head.split('\r\n');
  const [method = 'GET', target = '/'] = requestLine.split(' ');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const url = new URL(target, 'http://fault.invalid');
  const entry = log.addRaw(method, url, headers);
  const int = (name: string, fallback: number) => {
    const value = Number(url.searchParams.get(name));
    return url.searchParams.has(name) && Number.isFinite(value) ? value : fallback;
  };
  const size = int('size', 1000);
  const at = int('at', 0);
  const seed = int('seed', 1);
  const kind = url.pathname.slice(1);
  const send = (status: string, fields: string, body?: Uint8Array) => {
    socket.write(`HTTP/1.1 ${status}\r\n${CORS}${fields}Connection: keep-alive\r\n\r\n`);
    if (body && body.byteLength > 0) socket.write(body);
    entry.bytesSent += body?.byteLength ?? 0;
  };
  const settle = (finished: boolean) => {
    entry.finished = finished;
    entry.endedAt = Date.now();
  };
  if (method === 'OPTIONS') {
    socket.write(
      `HTTP/1.1 204 No Content\r\n${CORS}Access-Control-Allow-Headers: *\r\nAccess-Control-Allow-Methods: GET\r\nContent-Length: 0\r\n\r\n`,
    );
    return settle(true);
  }
  switch (kind) {
    case 'reset-headers':
      socket.resetAndDestroy();
      return settle(false);
    case 'close-headers':
      socket.end();
      return settle(false);
    case 'reset-body':
      send(
        '200 OK',
        `Content-Type: application/octet-stream\r\nContent-Length: ${size}\r\n`,
        contentBytes(seed, 0, at),
      );
      // Let the bytes leave before the reset, or the RST would discard them.
      setTimeout(() => socket.resetAndDestroy(), 50);
      return settle(false);
    case 'long-length':
      send(
        '200 OK',
        `Content-Type: application/octet-stream\r\nContent-Length: ${size}\r\n`,
        contentBytes(seed, 0, at),
      );
      socket.end();
      return settle(false);
    case 'short-length':
      send(
        '200 OK',
        `Content-Type: application/octet-stream\r\nContent-Length: ${at}\r\n`,
        contentBytes(seed, 0, size),
      );
      return settle(true);
    case 'bad-gzip': {
      const good = gzipSync(contentBytes(seed, 0, size));
      const body =
        at === 1
          ? good.subarray(0, Math.floor(good.byteLength / 2))
          : at === 2
            ? Buffer.from(good.map((byte, i) => (i >= 12 && i < 60 ? byte ^ 0x55 : byte)))
            : Buffer.from('this is not a gzip stream at all');
      send(
        '200 OK',
        `Content-Type: application/octet-stream\r\nContent-Encoding: gzip\r\nContent-Length: ${body.byteLength}\r\n`,
        body,
      );
      return settle(true);
    }
    case 'ok':
      send(
        '200 OK',
        `Content-Type: application/octet-stream\r\nContent-Length: ${size}\r\n`,
        contentBytes(seed, 0, size),
      );
      return settle(true);
    default:
      send('404 Not Found', 'Content-Type: text/plain\r\nContent-Length: 9\r\n', Buffer.from('no route\n'));
      return settle(true);
  }
}

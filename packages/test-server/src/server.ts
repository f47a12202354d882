import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { answerPreflight, applyCors } from './cors';
import { startFaultServer } from './fault-server';
import { BadParameter } from './params';
import { RequestLog } from './request-log';
import { serveFile } from './routes/file';
import { serveRedirect } from './routes/redirect';
import type { LoggedRequest } from './scenarios/log';

export interface TestServerOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 0 (any free port) */
  port?: number;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  /** Port of the raw-socket fault listener (see `startFaultServer`); also at `/__fault-port`. */
  faultPort: number;
  /** The log of requests, all or those tagged `id`. */
  requests(id?: string): LoggedRequest[];
  /** Stops listening and destroys every open connection (stalled ones included). */
  close(): Promise<void>;
}

function sendError(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  applyCors(req, res);
  res.writeHead(status, { 'Content-Type': 'text/plain' }).end(`${message}\n`);
}

function sendJson(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  applyCors(req, res);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * A loopback port nobody listens on: bound, then released at once. Connecting to it is refused, which
 * is what "connection refused" tests need (a fixed low port such as 1 is blocked by fetch before any
 * connection is tried, so it would not test the network path at all).
 */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createTcpServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Which request for `/file` with this id this is (1 for the first): scenarios that change over retries read it. */
function nthRequest(log: RequestLog, entry: LoggedRequest): number {
  if (entry.id === '') return 1;
  return log.list(entry.id).filter((e) => e.path === entry.path).length;
}

/** Starts the scenario server on loopback; see `FileParams` and `RedirectParams` for what it serves. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const log = new RequestLog();
  const faults = await startFaultServer(log);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://test.invalid');
    // The server's own endpoints: not scenarios, so not logged.
    if (url.pathname === '/__log')
      return sendJson(req, res, log.list(url.searchParams.get('id') ?? undefined));
    if (url.pathname === '/__fault-port') return sendJson(req, res, { port: faults.port });
    if (url.pathname === '/__closed-port') {
      closedPort().then(
        (port) => sendJson(req, res, { port }),
        (error: unknown) => sendError(req, res, 500, String(error)),
      );
      return;
    }
    const entry = log.add(req, url);
    let cutByServer = false;
    res.once('finish', () => {
      entry.finished = true;
    });
    // When the request stopped being open: the response finished, or the client let go (its FIN or RST,
    // seen before the socket's close), so tests can count requests open at once.
    const socket = req.socket;
    const ended = () => {
      entry.endedAt ??= Date.now();
    };
    socket.once('end', ended);
    socket.once('error', ended);
    res.once('close', () => {
      ended();
      socket.off('end', ended);
      socket.off('error', ended);
      if (!entry.finished && !cutByServer) entry.clientAborted = true;
    });
    const route = async () => {
      if (req.method === 'OPTIONS') return answerPreflight(req, res);
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendError(req, res, 405, 'method not allowed');
      switch (url.pathname) {
        case '/file':
          return serveFile(req, res, url, entry, nthRequest(log, entry), () => {
            cutByServer = true;
          });
        case '/redirect':
          return serveRedirect(req, res, url);
        default:
          return sendError(req, res, 404, `no route ${url.pathname}`);
      }
    };
    route().catch((error: unknown) => {
      if (error instanceof BadParameter) sendError(req, res, 400, error.message);
      else sendError(req, res, 500, String(error));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  return {
    url,
    port: address.port,
    faultPort: faults.port,
    requests: (id) => log.list(id),
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
        faults.close(),
      ]);
    },
  };
}

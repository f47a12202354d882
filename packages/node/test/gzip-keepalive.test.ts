import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDownloader } from '../src/index';

const good = gzipSync(Buffer.alloc(200_000, 7));
const BODIES: Record<string, Buffer> = {
  'not gzip at all': Buffer.from('this is not gzip at all, nope'),
  'a corrupt middle': (() => {
    const b = Buffer.from(good);
    for (let i = 20; i < 60; i++) b[i]! ^= 0x55;
    return b;
  })(),
  'a bad CRC': (() => {
    const b = Buffer.from(good);
    b[b.length - 6]! ^= 0xff;
    return b;
  })(),
  'a truncated stream': good.subarray(0, Math.floor(good.length / 2)),
  'junk after the end': Buffer.concat([good, Buffer.from('junkjunk')]),
};

/**
 * A raw HTTP/1.1 server that keeps connections alive: the first request on a socket gets a small plain
 * response, every later one the gzip body named by the path, so the bad body always arrives on a reused
 * connection. Sockets stay open afterwards (as a keep-alive server's do) until the server closes.
 */
let server: Server;
let base: string;
const sockets = new Set<Socket>();
beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let seen = 0;
    let pending = '';
    socket.on('data', (data) => {
      pending += data.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const head = pending.slice(0, end);
        pending = pending.slice(end + 4);
        seen += 1;
        const path = decodeURIComponent(head.split(' ')[1] ?? '/').slice(1);
        if (seen === 1 || path === 'warm') {
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello');
          continue;
        }
        const [name, framing] = path.split('|');
        const body = BODIES[name!] ?? Buffer.alloc(0);
        if (framing === 'chunked') {
          socket.write(
            'HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n',
          );
          socket.write(`${body.length.toString(16)}\r\n`);
          socket.write(body);
          socket.write('\r\n0\r\n\r\n');
        } else {
          socket.write(
            `HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n`,
          );
          socket.write(body);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('an invalid gzip body on a reused keep-alive connection', () => {
  for (const name of Object.keys(BODIES)) {
    for (const framing of ['length', 'chunked']) {
      it(`${name} (${framing}) fails with NETWORK promptly, also with timeout 0`, async () => {
        const dir = await mkdtemp(join(tmpdir(), 'dl-node-gzip-'));
        try {
          const { downloadFile } = createDownloader({ tempDir: dir, maxConcurrent: 1 });
          // The same downloader (one undici pool) first uses the connection for a good response.
          await downloadFile({ url: `${base}/warm`, timeout: 0 });
          await new Promise((r) => setTimeout(r, 30));
          const before = await readdir(dir);
          const started = Date.now();
          const outcome = await Promise.race([
            downloadFile({ url: `${base}/${encodeURIComponent(`${name}|${framing}`)}`, timeout: 0 }).then(
              () => 'succeeded',
              (error: { code: string }) => error.code,
            ),
            new Promise((r) => setTimeout(() => r('hung'), 8_000)),
          ]);
          expect(outcome).toBe('NETWORK');
          expect(Date.now() - started).toBeLessThan(5_000);
          expect((await readdir(dir)).filter((f) => !before.includes(f))).toEqual([]);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
    }
  }
});

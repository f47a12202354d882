import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectedBody,
  fetchLog,
  fileUrl,
  newRequestId,
  redirectUrl,
  refusedUrl,
  startTestServer,
  type TestServer,
} from '../src/index';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());

/** A raw GET that collects what arrived before the connection ended, however it ended. */
function rawGet(url: string, abortAfter?: number): Promise<{ received: number; error?: string }> {
  return new Promise((resolve) => {
    let received = 0;
    const req = request(url, (res) => {
      res.on('data', (chunk: Buffer) => {
        received += chunk.byteLength;
        if (abortAfter !== undefined && received >= abortAfter) req.destroy();
      });
      res.on('end', () => resolve({ received }));
      res.on('error', (error) => resolve({ received, error: error.message }));
      res.on('close', () => resolve({ received, error: 'closed' }));
    });
    req.on('error', (error) => resolve({ received, error: error.message }));
    req.end();
  });
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('/file', () => {
  it('serves the deterministic body with its length and type', async () => {
    const response = await fetch(fileUrl(server.url, { size: 200_000, seed: 4, type: 'image/png' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('200000');
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(await bytes(response)).toEqual(expectedBody(200_000, 4));
  });

  it('omits Content-Length when asked and still sends every byte', async () => {
    const response = await fetch(fileUrl(server.url, { size: 70_000, seed: 2, length: 'none', chunk: 7000 }));
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(await bytes(response)).toEqual(expectedBody(70_000, 2));
  });

  it('answers any status with the body', async () => {
    const response = await fetch(fileUrl(server.url, { size: 50, seed: 9, status: 503 }));
    expect(response.status).toBe(503);
    expect(await bytes(response)).toEqual(expectedBody(50, 9));
  });

  it('gzip-encodes, streamed or with the compressed length', async () => {
    for (const length of [undefined, 'compressed'] as const) {
      const response = await fetch(
        fileUrl(server.url, { size: 100_000, seed: 5, gzip: 1, ...(length && { length }) }),
        {
          headers: { 'accept-encoding': 'identity' },
        },
      );
      expect(response.headers.get('content-encoding')).toBe('gzip');
      // fetch decodes gzip itself; the body must come out as the plain content.
      expect(await bytes(response)).toEqual(expectedBody(100_000, 5));
      // Random content does not shrink, but the announced length is the encoded body's, not the file's.
      if (length) expect(Number(response.headers.get('content-length'))).not.toBe(100_000);
      else expect(response.headers.get('content-length')).toBeNull();
    }
    const raw = await new Promise<Buffer>((resolve) => {
      request(fileUrl(server.url, { size: 1000, seed: 5, gzip: 1 }), (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts)));
      }).end();
    });
    expect(new Uint8Array(gunzipSync(raw))).toEqual(expectedBody(1000, 5));
  });

  it('serves byte ranges with 206, 416 and If-Range', async () => {
    const url = fileUrl(server.url, { size: 10_000, seed: 6 });
    const slice = await fetch(url, { headers: { range: 'bytes=100-199' } });
    expect(slice.status).toBe(206);
    expect(slice.headers.get('content-range')).toBe('bytes 100-199/10000');
    expect(await bytes(slice)).toEqual(expectedBody(10_000, 6).subarray(100, 200));
    const tail = await fetch(url, { headers: { range: 'bytes=9990-' } });
    expect(await bytes(tail)).toEqual(expectedBody(10_000, 6).subarray(9990));
    const beyond = await fetch(url, { headers: { range: 'bytes=10000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */10000');
    const etag = slice.headers.get('etag')!;
    const stale = await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': '"other"' } });
    expect(stale.status).toBe(200);
    const fresh = await fetch(url, { headers: { range: 'bytes=0-9', 'if-range': etag } });
    expect(fresh.status).toBe(206);
  });

  it('cuts the connection after cutAt bytes, and logs it as the server’s doing', async () => {
    const id = newRequestId();
    const result = await rawGet(fileUrl(server.url, { size: 500_000, cutAt: 123_456, id }));
    expect(result.received).toBe(123_456);
    expect(result.error).toBeDefined();
    const [entry] = await waitFor(
      () => fetchLog(server.url, id),
      (log) => log.length === 1,
    );
    expect(entry).toMatchObject({ bytesSent: 123_456, finished: false, clientAborted: false });
  });

  it('stalls after stallAt bytes until the client leaves, and logs the client’s hang-up', async () => {
    const id = newRequestId();
    const result = await rawGet(fileUrl(server.url, { size: 100_000, stallAt: 30_000, id }), 30_000);
    expect(result.received).toBe(30_000);
    const [entry] = await waitFor(
      () => fetchLog(server.url, id),
      (log) => log[0]?.clientAborted === true,
    );
    expect(entry).toMatchObject({ bytesSent: 30_000, finished: false, clientAborted: true });
  });

  it('waits before answering and trickles with delays', async () => {
    const started = Date.now();
    const response = await fetch(fileUrl(server.url, { size: 3000, chunk: 1000, delay: 50, wait: 100 }));
    await response.arrayBuffer();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('rejects a malformed parameter with 400 and says which', async () => {
    const response = await fetch(`${server.url}/file?size=-1`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/size/);
  });
});

describe('/redirect', () => {
  it('follows n hops to the file, each in the log', async () => {
    const id = newRequestId();
    const response = await fetch(redirectUrl(server.url, { n: 3, code: 307, size: 900, seed: 8, id }));
    expect(response.url).toContain('/file?');
    expect(await bytes(response)).toEqual(expectedBody(900, 8));
    const log = await fetchLog(server.url, id);
    expect(log.map((e) => e.path)).toEqual(['/redirect', '/redirect', '/redirect', '/file']);
  });

  it('loops back to itself', async () => {
    const response = await fetch(redirectUrl(server.url, { loop: 1, code: 301 }), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/redirect?loop=1&code=301');
  });
});

describe('CORS and the log', () => {
  it('reflects the origin, exposes custom headers, answers preflights', async () => {
    const response = await fetch(fileUrl(server.url, { size: 1, hdr: ['X-Dl-Custom:Hi', 'X-Other: two'] }), {
      headers: { origin: 'http://page.test' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://page.test');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-other');
    expect(response.headers.get('x-dl-custom')).toBe('Hi');
    const hidden = await fetch(fileUrl(server.url, { size: 1, expose: 'none' }), {
      headers: { origin: 'http://page.test' },
    });
    expect(hidden.headers.get('access-control-expose-headers')).toBeNull();
    const preflight = await fetch(fileUrl(server.url), {
      method: 'OPTIONS',
      headers: { origin: 'http://page.test', 'access-control-request-headers': 'x-dl-test' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('x-dl-test');
  });

  it('logs request headers and is readable in process too', async () => {
    const id = newRequestId();
    await (
      await fetch(fileUrl(server.url, { size: 10, id }), { headers: { 'x-dl-test': 'v' } })
    ).arrayBuffer();
    const entries = await waitFor(
      async () => server.requests(id),
      (log) => log[0]?.finished === true,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ method: 'GET', path: '/file', bytesSent: 10, finished: true });
    expect(entries[0]!.headers['x-dl-test']).toBe('v');
  });

  it('close() ends stalled connections too', async () => {
    const own = await startTestServer();
    const pending = rawGet(fileUrl(own.url, { size: 10_000, stallAt: 100 }));
    await new Promise((r) => setTimeout(r, 100));
    await own.close();
    const result = await pending;
    expect(result.received).toBe(100);
    expect(result.error).toBeDefined();
  });
});

describe('refusedUrl', () => {
  it('names a loopback port that refuses connections', async () => {
    const url = await refusedUrl(server.url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/file$/);
    const result = await rawGet(url);
    expect(result.error).toMatch(/ECONNREFUSED/);
  });
});

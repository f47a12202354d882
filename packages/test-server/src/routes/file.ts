import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { bodyChunks } from '../body-source';
import { applyCors } from '../cors';
import { BadParameter, intParam } from '../params';
import { parseRange } from '../range';
import { expectedBody } from '../scenarios/content';
import type { LoggedRequest } from '../scenarios/log';
import { sendBody } from '../send-body';

/** Extra response headers from repeated `hdr=Name:Value` parameters. */
function extraHeaders(search: URLSearchParams): Array<[string, string]> {
  return search.getAll('hdr').map((item) => {
    const colon = item.indexOf(':');
    if (colon <= 0) throw new BadParameter(`hdr must be Name:Value, got ${JSON.stringify(item)}`);
    return [item.slice(0, colon).trim(), item.slice(colon + 1).trim()];
  });
}

/** `/file`: deterministic bytes with the scenario the query string asks for (see `FileParams`). */
export async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  entry: LoggedRequest,
  markServerCut: () => void,
): Promise<void> {
  const search = url.searchParams;
  const size = intParam(search, 'size', 1024);
  const seed = intParam(search, 'seed', 1);
  const chunk = Math.max(1, intParam(search, 'chunk', 65_536));
  const delay = intParam(search, 'delay', 0);
  const wait = intParam(search, 'wait', 0);
  const status = intParam(search, 'status', 200);
  const stallAt = intParam(search, 'stallAt');
  const cutAt = intParam(search, 'cutAt');
  const gzip = search.get('gzip') === '1';
  const length = search.get('length');
  const extra = extraHeaders(search);
  if (status < 200 || status > 599) throw new BadParameter(`status must be 200-599, got ${status}`);

  // The client may leave while we wait or stream: stop generating at once.
  const left = new AbortController();
  res.once('close', () => left.abort());
  if (wait > 0) await sleep(wait, undefined, { signal: left.signal }).catch(() => {});
  if (left.signal.aborted) return;

  const etag = `"dl-${size}-${seed}"`;
  applyCors(
    req,
    res,
    extra.map(([name]) => name.toLowerCase()),
    search.get('expose') !== 'none',
  );
  res.setHeader('Content-Type', search.get('type') ?? 'application/octet-stream');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('ETag', etag);
  for (const [name, value] of extra) res.setHeader(name, value);

  let start = 0;
  let end = size;
  let code = status;
  if (!gzip && status === 200) {
    res.setHeader('Accept-Ranges', 'bytes');
    const ifRange = req.headers['if-range'];
    const range = ifRange && ifRange !== etag ? undefined : parseRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${size}`);
      res.writeHead(416).end();
      return;
    }
    if (range) {
      ({ start, end } = range);
      code = 206;
      res.setHeader('Content-Range', `bytes ${start}-${end - 1}/${size}`);
    }
  }

  const chunks = bodyChunks({ seed, start, end, chunk, delay, signal: left.signal });
  let body: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = chunks;
  if (gzip) {
    res.setHeader('Content-Encoding', 'gzip');
    if (length === 'compressed') {
      const compressed = gzipSync(expectedBody(size, seed));
      res.setHeader('Content-Length', compressed.byteLength);
      body = [compressed];
    } else {
      const stream = Readable.from(chunks).pipe(createGzip());
      res.once('close', () => stream.destroy());
      body = stream;
    }
  } else if (length !== 'none') {
    res.setHeader('Content-Length', end - start);
  }

  res.writeHead(code);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  res.flushHeaders();
  await sendBody(res, body, entry, { stallAt, cutAt }, markServerCut);
}

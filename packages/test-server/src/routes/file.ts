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
  nth: number,
  markServerCut: () => void,
): Promise<void> {
  const search = url.searchParams;
  const size = intParam(search, 'size', 1024);
  // The resource changes after the `changeAfter`-th request of this id: other bytes, another validator.
  const changeAfter = intParam(search, 'changeAfter');
  const seed = intParam(search, 'seed', 1) + (changeAfter !== undefined && nth > changeAfter ? 1 : 0);
  const chunk = Math.max(1, intParam(search, 'chunk', 65_536));
  const delay = intParam(search, 'delay', 0);
  const wait = intParam(search, 'wait', 0);
  const status = intParam(search, 'status', 200);
  const stallAt = intParam(search, 'stallAt');
  // `cutFirst=N`: only the first N requests of this id are cut (the retries get the whole body).
  const cutFirst = intParam(search, 'cutFirst');
  const cutAt = cutFirst === undefined || nth <= cutFirst ? intParam(search, 'cutAt') : undefined;
  const failFirst = intParam(search, 'failFirst', 0);
  const failStatus = intParam(search, 'failStatus', 503);
  const retryAfter = search.get('retryAfter');
  const etagMode = search.get('etag');
  const rangesOff = search.get('ranges') === 'none';
  const gzip = search.get('gzip') === '1';
  const length = search.get('length');
  const extra = extraHeaders(search);
  if (status < 200 || status > 599) throw new BadParameter(`status must be 200-599, got ${status}`);

  // The client may leave while we wait or stream: stop generating at once.
  const left = new AbortController();
  res.once('close', () => left.abort());
  if (wait > 0) await sleep(wait, undefined, { signal: left.signal }).catch(() => {});
  if (left.signal.aborted) return;

  // `etag=weak`: a weak ETag (If-Range cannot use it); `etag=none`: no validator at all.
  const etag = etagMode === 'weak' ? `W/"dl-${size}-${seed}"` : `"dl-${size}-${seed}"`;
  applyCors(
    req,
    res,
    extra.map(([name]) => name.toLowerCase()),
    search.get('expose') !== 'none',
  );
  res.setHeader('Content-Type', search.get('type') ?? 'application/octet-stream');
  res.setHeader('Cache-Control', 'no-store');
  if (etagMode !== 'none') res.setHeader('ETag', etag);
  for (const [name, value] of extra) res.setHeader(name, value);

  // `failFirst=N`: the first N requests of this id get `failStatus` (with `retryAfter` seconds, if given).
  if (nth <= failFirst) {
    if (failStatus < 400 || failStatus > 599)
      throw new BadParameter(`failStatus must be 400-599, got ${failStatus}`);
    if (retryAfter !== null) res.setHeader('Retry-After', retryAfter);
    const text = Buffer.from(`failing request ${nth} of ${failFirst}\n`);
    res.setHeader('Content-Length', text.byteLength);
    res.writeHead(failStatus).end(text);
    entry.bytesSent = text.byteLength;
    return;
  }

  let start = 0;
  let end = size;
  let code = status;
  if (!gzip && status === 200 && !rangesOff) {
    res.setHeader('Accept-Ranges', 'bytes');
    const ifRange = req.headers['if-range'];
    // If-Range takes a strong validator only: with a weak one or none, the whole body comes.
    const strong = etagMode !== 'none' && etagMode !== 'weak';
    const range = ifRange && (ifRange !== etag || !strong) ? undefined : parseRange(req.headers.range, size);
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

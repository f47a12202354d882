import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers a cross-origin page may read besides the CORS-safelisted ones. */
const EXPOSED = [
  'content-length',
  'content-range',
  'content-encoding',
  'accept-ranges',
  'etag',
  'last-modified',
  'retry-after',
  'x-dl-custom',
];

/**
 * CORS for browser tests: pages on another origin (the vitest browser runner, the demo page) may read
 * the responses, with credentials, and see the headers the suite checks unless `expose` is false.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  extraExposed: string[] = [],
  expose = true,
): void {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  } else {
    res.setHeader('Access-Control-Allow-Origin', '*');
  }
  if (expose) res.setHeader('Access-Control-Expose-Headers', [...EXPOSED, ...extraExposed].join(', '));
}

/** Answers a CORS preflight: any method the routes serve, any request header asked for. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  applyCors(req, res);
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
  const asked = req.headers['access-control-request-headers'];
  if (asked) res.setHeader('Access-Control-Allow-Headers', asked);
  if (req.headers['access-control-request-private-network']) {
    res.setHeader('Access-Control-Allow-Private-Network', 'true');
  }
  res.setHeader('Access-Control-Max-Age', '600');
  res.writeHead(204).end();
}

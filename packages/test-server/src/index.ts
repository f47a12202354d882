/**
 * A real HTTP server for testing download clients: deterministic bodies with a scenario chosen per
 * request (slow, chunked, gzip, stalled, cut off, redirects, any status, ranges, CORS) and a log of
 * what reached it.
 * @packageDocumentation
 */
export * from './scenarios/index';
export { startTestServer, type TestServer, type TestServerOptions } from './server';

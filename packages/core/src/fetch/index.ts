/**
 * The part of dl's machinery that needs the web platform's fetch globals (`Response`, `ReadableStream`,
 * `AbortController`): shared by the adapters whose runtimes have them (`@dl/h5`, `@dl/node`). The main
 * entry stays free of them, so mini-program and React Native bundles never reference them.
 * @packageDocumentation
 */
export { toAbortSignal } from './abort-signal';
export { type ByteSink, pumpBody } from './pump-body';

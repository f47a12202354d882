/**
 * The browser-safe half of the test server: URL builders, the deterministic content, the log reader.
 * @packageDocumentation
 */
export { BLOCK_SIZE, contentBlock, contentBytes, expectedBody } from './content';
export {
  type FaultKind,
  faultUrl,
  fetchLog,
  type LoggedRequest,
  maxOpenAtOnce,
  newRequestId,
  refusedUrl,
} from './log';
export { type FileParams, fileUrl, type RedirectParams, redirectUrl } from './urls';

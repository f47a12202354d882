import { ERRNO, errorMessage, fileSystemError } from '@dl/core';
import type { IntegrityAlgorithm } from '@dl/types';

/**
 * Web Crypto's digest, which has no streaming form: the saved bytes are hashed once complete, natively
 * and off the page's thread. A blob result is in memory anyway; an OPFS file is read back for it.
 */
const NAMES: Record<IntegrityAlgorithm, string> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

/** Whether `integrity` can be checked here: browsers give Web Crypto's digest to secure contexts only. */
export function hasDigest(): boolean {
  const subtle = (globalThis as { crypto?: { subtle?: { digest?: unknown } } }).crypto?.subtle;
  return typeof subtle?.digest === 'function';
}

/** The base64 digest of the saved bytes, as Subresource Integrity writes it. */
export async function digestOf(saved: Blob, algorithm: IntegrityAlgorithm): Promise<string> {
  let hash: ArrayBuffer;
  try {
    hash = await crypto.subtle.digest(NAMES[algorithm], await saved.arrayBuffer());
  } catch (error) {
    throw fileSystemError(`cannot hash the saved bytes (${errorMessage(error)})`, ERRNO.FILE_SYSTEM, error);
  }
  let binary = '';
  for (const byte of new Uint8Array(hash)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

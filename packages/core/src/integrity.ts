import type { IntegrityAlgorithm } from '@dl/types';
import { type DownloadError, invalidArgument } from './errors';

/** The `integrity` option, checked: the algorithm the driver must hash with and the digests that match. */
export interface IntegrityCheck {
  algorithm: IntegrityAlgorithm;
  /** Base64 digests, any of which matches. */
  digests: string[];
}

const STRENGTH: Record<IntegrityAlgorithm, number> = { sha256: 1, sha384: 2, sha512: 3 };
// Subresource Integrity: `<alg>-<base64>` with optional `?options`, space-separated.
const ENTRY = /^(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})(\?.*)?$/;
const BASE64_LENGTH: Record<IntegrityAlgorithm, number> = { sha256: 44, sha384: 64, sha512: 88 };

/**
 * Parses Subresource Integrity metadata as browsers do: the strongest algorithm given is the one
 * checked, and any of its digests matches. Unknown algorithms are ignored; none known is bad input.
 */
export function parseIntegrity(value: unknown): IntegrityCheck | DownloadError | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return invalidArgument('invalid integrity: must be a string');
  let best: IntegrityCheck | undefined;
  for (const token of value.split(/\s+/)) {
    const match = ENTRY.exec(token);
    if (!match) continue;
    const algorithm = match[1] as IntegrityAlgorithm;
    const digest = match[2] as string;
    if (digest.length !== BASE64_LENGTH[algorithm])
      return invalidArgument(`invalid integrity: bad ${algorithm} digest`);
    if (!best || STRENGTH[algorithm] > STRENGTH[best.algorithm]) best = { algorithm, digests: [digest] };
    else if (algorithm === best.algorithm) best.digests.push(digest);
  }
  return best ?? invalidArgument('invalid integrity: expected sha256-, sha384- or sha512-<base64>');
}

/** Whether a driver's base64 digest is one the caller expects. */
export function integrityMatches(check: IntegrityCheck, digest: string | undefined): boolean {
  return digest !== undefined && check.digests.indexOf(digest) >= 0;
}

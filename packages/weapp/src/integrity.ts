/**
 * `@dl/weapp/integrity`: SHA-256, SHA-384 and SHA-512 in plain ES2015 (jsSHA), for the `integrity`
 * option: `createDownloader({ hasher: sha2 })`. A separate entry, so apps that never check integrity do
 * not carry the hashing code.
 * @packageDocumentation
 */
import type { IntegrityAlgorithm } from '@dl/types';
import Sha256 from 'jssha/sha256';
import Sha512 from 'jssha/sha512';
import type { IntegrityHash, IntegrityHasher } from './hasher';

export type { IntegrityHash, IntegrityHasher } from './hasher';

const VARIANTS = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const;

/** SHA-2 for `integrity`, streamed: each chunk is hashed as it is read, and not kept. */
export const sha2: IntegrityHasher = {
  create(algorithm: IntegrityAlgorithm): IntegrityHash {
    const hash =
      algorithm === 'sha256'
        ? new Sha256(VARIANTS.sha256, 'UINT8ARRAY')
        : new Sha512(VARIANTS[algorithm], 'UINT8ARRAY');
    return {
      update: (bytes) => {
        hash.update(bytes);
      },
      digest: () => hash.getHash('B64'),
    };
  },
};

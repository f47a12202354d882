import type { IntegrityAlgorithm } from '@dl/types';

/** One running hash: bytes in, in order, then the digest once. */
export interface IntegrityHash {
  update(bytes: Uint8Array): void;
  /** The digest in base64, as Subresource Integrity writes it. */
  digest(): string;
}

/**
 * What checks `integrity`: mini-programs have no SHA-2 of their own, so the hashing code is opt-in — apps
 * that never ask for integrity do not carry it. `sha2` from `@dl/weapp/integrity` is one; any object of
 * this shape (a faster or native implementation) works too.
 */
export interface IntegrityHasher {
  create(algorithm: IntegrityAlgorithm): IntegrityHash;
}

/**
 * Why a downloader without a hasher cannot check integrity, and what to import: the manifest's reason, which
 * the refusal quotes ("integrity is not supported on weapp: …").
 */
export const HASHER_NEEDED =
  "it needs createDownloader({ hasher: sha2 }), sha2 from '@dl/weapp/integrity' (Taro: both from '@dl/taro', '@dl/taro/integrity'; uni-app: '@dl/uni', '@dl/uni/integrity')";

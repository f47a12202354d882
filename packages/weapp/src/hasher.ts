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

/** What the manifest and the refusal say when integrity is asked of a downloader without a hasher. */
export const HASHER_NEEDED =
  "integrity needs createDownloader({ hasher: sha2 }) with sha2 from '@dl/weapp/integrity' (in Taro and uni-app apps: '@dl/taro/integrity', '@dl/uni/integrity')";

/**
 * `@dl/taro/integrity`: the hasher for the `integrity` option, `createDownloader({ hasher: sha2 })`.
 * Mini-programs have no SHA-2 of their own, so mini-program builds get `@dl/weapp/integrity`'s (SHA-2 in
 * JavaScript); H5 hashes with the browser's `crypto.subtle`, so there `sha2` is undefined and the hashing
 * code stays out of the build. A separate entry: apps that never check integrity do not carry it.
 * @packageDocumentation
 */
import type { IntegrityHasher } from '@dl/weapp';
import { sha2 as weappSha2 } from '@dl/weapp/integrity';

export type { IntegrityHasher } from '@dl/weapp';

declare const process: { env: { TARO_ENV?: string } };

/** SHA-2 for `integrity` on mini-program builds; undefined where the platform hashes natively. */
export const sha2: IntegrityHasher | undefined = process.env.TARO_ENV === 'h5' ? undefined : weappSha2;

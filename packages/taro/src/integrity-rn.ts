/**
 * `@dl/taro/integrity` in React Native builds (Metro picks it by the `react-native` condition): React
 * Native hashes files natively, so there is no hasher to carry.
 * @packageDocumentation
 */
import type { IntegrityHasher } from '@dl/weapp';

export type { IntegrityHasher } from '@dl/weapp';

/** Undefined: React Native checks `integrity` without one. */
export const sha2: IntegrityHasher | undefined = undefined;

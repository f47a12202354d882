import { ensureBuilt } from '../../../scripts/ensure-built.mjs';

/** Builds @dl/taro and the adapters it picks from, when a source is newer than the build. */
export default function setup(): void {
  ensureBuilt('taro', ['types', 'core', 'weapp', 'h5', 'rn', 'taro']);
}

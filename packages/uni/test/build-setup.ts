import { ensureBuilt } from '../../../scripts/ensure-built.mjs';

/** Builds @dl/uni and the adapters it picks from, when a source is newer than the build. */
export default function setup(): void {
  ensureBuilt('uni', ['types', 'core', 'weapp', 'h5', 'uni']);
}

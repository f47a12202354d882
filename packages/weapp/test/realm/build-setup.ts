import { ensureBuilt } from '../../../../scripts/ensure-built.mjs';

/** Builds @dl/weapp (and what it imports) before the realm tests bundle it, when its build is older than its sources. */
export default function setup(): void {
  ensureBuilt('weapp', ['types', 'core', 'weapp']);
}

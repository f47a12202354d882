import { join } from 'node:path';
import { runBuild } from '@dl/demo-testing/build';
import { ensureBuilt } from '../../../scripts/ensure-built.mjs';

export const appDir = join(import.meta.dirname, '..');

/** Where `uni build -p <target>` writes (uni-app's default: `dist/build/<target>`, gitignored). */
export const outputDir = (target: 'mp-weixin' | 'h5') => join(appDir, 'dist', 'build', target);

/**
 * dl's packages as published (built by `pnpm test` first; run alone, this project builds them when a source
 * is newer than the build), then the demo for both targets, at once: on two cores that is quicker than one
 * after the other. `CI` keeps uni-app's CLI from asking its vendor's server for updates (it does unless
 * it runs in CI or HBuilderX).
 */
export async function buildAll(): Promise<Record<string, number>> {
  const started = performance.now();
  ensureBuilt('uni', ['types', 'core', 'weapp', 'h5', 'uni']);
  const dl = Math.round(performance.now() - started);
  const uni = join(appDir, 'node_modules', '.bin', 'uni');
  const [mpWeixin, h5] = await Promise.all([
    runBuild('uni build -p mp-weixin', uni, ['build', '-p', 'mp-weixin'], appDir, { CI: '1' }),
    runBuild('uni build -p h5', uni, ['build', '-p', 'h5'], appDir, { CI: '1' }),
  ]);
  return { dl, 'mp-weixin': mpWeixin, h5 };
}

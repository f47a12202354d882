import { join } from 'node:path';
import { runBuild } from '@dl/demo-testing/build';
import { ensureBuilt } from '../../../scripts/ensure-built.mjs';

export const appDir = join(import.meta.dirname, '..');

/** Where `taro build --type <target>` writes (config/index.ts: `dist/<target>`, gitignored). */
export const outputDir = (target: 'weapp' | 'h5') => join(appDir, 'dist', target);

/**
 * dl's packages as published (built by `pnpm test` first; run alone, this project builds them when a source
 * is newer than the build, as the realm projects do), then the demo for both targets, at once: on two
 * cores that is quicker than one after the other.
 */
export async function buildAll(): Promise<Record<string, number>> {
  const started = performance.now();
  ensureBuilt('taro', ['types', 'core', 'weapp', 'h5', 'taro']);
  const dl = Math.round(performance.now() - started);
  const taro = join(appDir, 'node_modules', '.bin', 'taro');
  const [weapp, h5] = await Promise.all([
    runBuild('taro build --type weapp', taro, ['build', '--type', 'weapp'], appDir),
    runBuild('taro build --type h5', taro, ['build', '--type', 'h5'], appDir),
  ]);
  return { dl, weapp, h5 };
}

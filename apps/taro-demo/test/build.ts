import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureBuilt } from '../../../scripts/ensure-built.mjs';

const run = promisify(execFile);

export const appDir = join(import.meta.dirname, '..');

/** Where `taro build --type <target>` writes (config/index.ts: `dist/<target>`, gitignored). */
export const outputDir = (target: 'weapp' | 'h5') => join(appDir, 'dist', target);

/**
 * The environment for the builds: this process's, less NODE_ENV (Vitest sets it to `test`, and Taro would
 * then build in development mode: no minifier, prebundled dependencies), so each build is the production
 * build a user ships.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const { NODE_ENV: _, NODE_OPTIONS: __, ...env } = process.env;
  return { ...env, TURBO_TELEMETRY_DISABLED: '1' };
}

async function step(label: string, file: string, args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  try {
    await run(file, args, { cwd, env: buildEnv(), maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${label} failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
  }
  return Math.round(performance.now() - started);
}

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
    step('taro build --type weapp', taro, ['build', '--type', 'weapp'], appDir),
    step('taro build --type h5', taro, ['build', '--type', 'h5'], appDir),
  ]);
  return { dl, weapp, h5 };
}

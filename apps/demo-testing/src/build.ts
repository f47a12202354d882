import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The environment for a framework's build: this process's, less NODE_ENV (Vitest sets it to `test`, and
 * the frameworks would then build in development mode: no minifier, other resolution), so each build is
 * the production build a user ships; `extra` on top.
 */
function buildEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_ENV: _, NODE_OPTIONS: __, ...env } = process.env;
  return { ...env, TURBO_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Runs one build command in `cwd` (with `extraEnv` set); resolves with how long it took (ms), or throws
 * with the tail of its output.
 */
export async function runBuild(
  label: string,
  file: string,
  args: string[],
  cwd: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<number> {
  const started = performance.now();
  try {
    await run(file, args, { cwd, env: buildEnv(extraEnv), maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${label} failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
  }
  return Math.round(performance.now() - started);
}

// The realm tests prove the *built* packages. `pnpm test` builds everything first; a test project run on
// its own builds what it needs here, and only when a source is newer than the build (so two projects'
// setups never rebuild the same files at once during `pnpm test`).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function stale(pkg) {
  const dir = join(root, 'packages', pkg);
  try {
    const built = statSync(join(dir, 'dist', 'index.js')).mtimeMs;
    return newest(join(dir, 'src')) > built || statSync(join(dir, 'package.json')).mtimeMs > built;
  } catch {
    return true;
  }
}

/** Builds `@dl/<target>` and its dependencies when any of `packages` (folder names) is stale. */
export function ensureBuilt(target, packages) {
  if (!packages.some(stale)) return;
  execFileSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', `--filter=@dl/${target}`, '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    },
  );
}

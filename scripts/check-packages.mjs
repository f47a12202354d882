#!/usr/bin/env node
// What a release would publish, checked as users' tools read it: publint (strict) on every public package
// and @arethetypeswrong/cli (node16 from CJS and ESM, and bundlers; node10 resolution is not supported)
// on its packed tarball, plus the LICENSE each tarball must carry; and every subpath entry (`@dl/weapp/
// integrity`) of a package apps bundle resolves where a tool ignores `exports` — Metro before React Native
// 0.79, webpack 4 — through its folder's package.json, to the file `exports` names for the same condition.
// Run after `pnpm build`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import resolve from 'enhanced-resolve';

const root = new URL('..', import.meta.url).pathname;
const packages = readdirSync(join(root, 'packages'))
  .map((dir) => ({ dir: join(root, 'packages', dir), manifest: join(root, 'packages', dir, 'package.json') }))
  .map(({ dir, manifest }) => ({ dir, pkg: JSON.parse(readFileSync(manifest, 'utf8')) }))
  .filter(({ pkg }) => !pkg.private);

let failed = 0;
const run = (label, command, args, cwd) => {
  try {
    execFileSync(command, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
    return true;
  } catch (error) {
    failed++;
    console.error(`✗ ${label}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    return false;
  }
};

// A resolver that knows nothing of `exports`, reading each package.json field as the tool does.
const WITHOUT_EXPORTS = [
  { tool: 'a bundler (module)', mainFields: ['module', 'main'], condition: 'import' },
  { tool: 'CommonJS (main)', mainFields: ['main'], condition: 'require' },
  { tool: 'Metro (react-native)', mainFields: ['react-native', 'module', 'main'], condition: 'react-native' },
];

/** The file `exports` gives `entry` under `condition` (falling back to `import`), relative to the package. */
function exported(entry, condition) {
  const target = entry[condition] ?? entry.import;
  return typeof target === 'string' ? target : target?.default;
}

/** Problems resolving each subpath of `pkg` without `exports` (none for Node-only packages: Node reads it). */
function subpathProblems(dir, pkg) {
  const problems = [];
  if (pkg.engines?.node) return problems;
  for (const [subpath, entry] of Object.entries(pkg.exports ?? {})) {
    if (subpath === '.' || subpath.endsWith('.json')) continue;
    for (const { tool, mainFields, condition } of WITHOUT_EXPORTS) {
      const expected = exported(entry, condition);
      if (condition === 'react-native' && !entry['react-native']) continue;
      let found;
      try {
        found = resolve.create.sync({ exportsFields: [], mainFields, extensions: ['.js'] })(dir, subpath);
      } catch {
        found = undefined;
      }
      const got = found ? `./${relative(dir, found)}` : 'nothing';
      if (got !== expected)
        problems.push(`${pkg.name}/${subpath.slice(2)} for ${tool}: ${got}, not ${expected}`);
    }
  }
  return problems;
}

for (const { dir, pkg } of packages) {
  const problems = subpathProblems(dir, pkg);
  if (problems.length > 0) {
    failed++;
    console.error(`✗ ${pkg.name}: subpaths without exports\n  ${problems.join('\n  ')}`);
  }
  const ok =
    problems.length === 0 &&
    run(`${pkg.name}: publint`, 'pnpm', ['exec', 'publint', '--strict'], dir) &&
    run(
      `${pkg.name}: are the types wrong`,
      'pnpm',
      ['exec', 'attw', '--pack', '.', '--profile', 'node16'],
      dir,
    );
  const files = readdirSync(dir);
  if (!files.includes('LICENSE')) {
    failed++;
    console.error(`✗ ${pkg.name}: no LICENSE`);
  } else if (ok) console.log(`✓ ${pkg.name}`);
}
if (failed) {
  console.error(`${failed} package check(s) failed`);
  process.exit(1);
}

#!/usr/bin/env node
// What a release would publish, checked as users' tools read it: publint (strict) on every public package
// and @arethetypeswrong/cli (node16 from CJS and ESM, and bundlers; node10 resolution is not supported)
// on its packed tarball, plus the LICENSE each tarball must carry. Run after `pnpm build`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

for (const { dir, pkg } of packages) {
  const ok =
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

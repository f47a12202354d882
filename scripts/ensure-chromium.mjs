#!/usr/bin/env node
// The browser tests run in real Chromium (Debian's package; Playwright cannot download its own here).
// Make sure it is there before the tests start: find it, or install it with apt-get, or say what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const hasAptGet = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasAptGet) {
  console.error(`Chromium not found at ${path}. Install Chromium and set CHROMIUM_PATH to its binary.`);
  process.exit(1);
}

const isRoot = process.getuid?.() === 0;
const run = (args) =>
  isRoot
    ? execFileSync(args[0], args.slice(1), { stdio: 'inherit' })
    : execFileSync('sudo', args, { stdio: 'inherit' });
console.log("Chromium is missing: installing Debian's chromium package for the browser tests…");
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']);
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}

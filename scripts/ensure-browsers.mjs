#!/usr/bin/env node
// The browser tests run in real Chromium, Firefox ESR and WebKitGTK, all Debian packages (Playwright
// cannot download its own builds here), WebKitGTK drawing into Xvfb. Make sure they are there before the
// tests start: find them, or install the missing ones with apt-get, or say what to do.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** WebKitGTK's MiniBrowser lives in the library's multiarch folder (browsers.shared.ts looks there too). */
function miniBrowserFound() {
  if (process.env.MINIBROWSER_PATH) return existsSync(process.env.MINIBROWSER_PATH);
  return readdirSync('/usr/lib')
    .filter((name) => name.endsWith('-linux-gnu'))
    .some((arch) =>
      ['webkit2gtk-4.1', 'webkit2gtk-4.0'].some((api) =>
        existsSync(join('/usr/lib', arch, api, 'MiniBrowser')),
      ),
    );
}

const needs = [
  {
    what: 'Chromium',
    pkg: 'chromium',
    found: () => existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium'),
    hint: 'install it, or set CHROMIUM_PATH to its binary',
  },
  {
    what: 'Firefox ESR',
    pkg: 'firefox-esr',
    found: () => existsSync(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr'),
    hint: 'install it, or set FIREFOX_PATH to its binary',
  },
  {
    what: "WebKitGTK's WebDriver and MiniBrowser",
    pkg: 'webkit2gtk-driver',
    found: () => existsSync('/usr/bin/WebKitWebDriver') && miniBrowserFound(),
    hint: 'install it (/usr/bin/WebKitWebDriver), and set MINIBROWSER_PATH if its MiniBrowser is elsewhere',
  },
  {
    what: 'Xvfb (the display WebKitGTK draws into)',
    pkg: 'xvfb',
    found: () => existsSync('/usr/bin/Xvfb'),
    hint: 'install it (/usr/bin/Xvfb)',
  },
];

const missing = needs.filter((need) => !need.found());
if (missing.length === 0) process.exit(0);

const hasAptGet = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasAptGet) {
  console.error('The browser tests need these, and there is no apt-get here to install them:');
  for (const need of missing) console.error(`  - ${need.what} (Debian package ${need.pkg}): ${need.hint}`);
  process.exit(1);
}

const isRoot = process.getuid?.() === 0;
const run = (args) =>
  isRoot
    ? execFileSync(args[0], args.slice(1), { stdio: 'inherit' })
    : execFileSync('sudo', args, { stdio: 'inherit' });
const packages = missing.map((need) => need.pkg);
console.log(`Installing Debian's ${packages.join(', ')} for the browser tests…`);
run(['apt-get', 'update', '-qq']);
run([
  'env',
  'DEBIAN_FRONTEND=noninteractive',
  'apt-get',
  'install',
  '-y',
  '-qq',
  '--no-install-recommends',
  ...packages,
]);
const still = missing.filter((need) => !need.found());
if (still.length > 0) {
  console.error(
    `apt-get finished but these are still missing: ${still.map((need) => need.what).join(', ')}.`,
  );
  process.exit(1);
}

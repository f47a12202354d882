import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Debian's Firefox ESR (or FIREFOX_PATH) and WebKitGTK, for the h5 browser tests beside Chromium
 * (chromium.shared.ts); `pnpm test` installs them with apt when missing (scripts/ensure-browsers.mjs).
 */
export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** WebKitGTK's WebDriver server (package webkit2gtk-driver); it starts MiniBrowser for each session. */
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';

/** WebKitGTK's MiniBrowser, in the library's multiarch folder, e.g. /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/. */
export function miniBrowserPath(): string {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  for (const arch of readdirSync('/usr/lib').filter((name) => name.endsWith('-linux-gnu'))) {
    for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0']) {
      const path = join('/usr/lib', arch, api, 'MiniBrowser');
      if (existsSync(path)) return path;
    }
  }
  throw new Error('WebKitGTK MiniBrowser not found: install webkit2gtk-driver or set MINIBROWSER_PATH');
}

/** The X server WebKitGTK draws into (it has no headless mode): started for the run, on a free display. */
export const XVFB = '/usr/bin/Xvfb';

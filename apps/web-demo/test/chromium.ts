/** Debian's Chromium (CI installs it with apt), or CHROMIUM_PATH; Playwright downloads no browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless, and quiet: no background traffic leaves the machine while the test runs. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

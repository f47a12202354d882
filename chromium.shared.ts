/** Debian's Chromium (`pnpm test` installs it with apt when missing), or CHROMIUM_PATH; Playwright downloads no browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless, and quiet: no background traffic leaves the machine while tests run (the h5 browser tests and the web demo's end-to-end test). */
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

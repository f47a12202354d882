import type { BrowserProviderOption } from 'vitest/node';
import { FIREFOX } from '../../../browsers.shared';
import { pageOnlyProvider, type RunningBrowser } from './provider';

/**
 * Debian's Firefox ESR, headless, over WebDriver BiDi (built into Firefox: no geckodriver) through
 * puppeteer-core, in a temporary profile with Puppeteer's prefs (no updates, telemetry or other
 * background traffic). Puppeteer ends the browser with the run, and on exit or a signal too.
 */
export function firefoxProvider(): BrowserProviderOption {
  return pageOnlyProvider('firefox-bidi', 'firefox', async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    const pages = new Map<string, import('puppeteer-core').Page>();
    return {
      async open(sessionId, url) {
        let page = pages.get(sessionId);
        if (!page) {
          page = await browser.newPage();
          pages.set(sessionId, page);
        }
        await page.goto(url, { timeout: 0 });
      },
      close: () => browser.close(),
    } satisfies RunningBrowser;
  });
}

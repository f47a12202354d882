import { defineBrowserProvider } from '@vitest/browser';
import type { BrowserProvider, BrowserProviderOption } from 'vitest/node';

/** A running browser that can show vitest's test page, one page (tab or window) per session. */
export interface RunningBrowser {
  open(sessionId: string, url: string): Promise<void>;
  /** Ends the browser and every process started for it. */
  close(): Promise<void>;
}

/**
 * A vitest browser provider for a browser Playwright cannot drive (it needs its own patched builds):
 * the browser starts with the first page and stops when vitest closes the provider. It only opens
 * vitest's page; the tests need no provider commands (no userEvent, locators, screenshots or mocking),
 * so files run one after another in a single page.
 */
export function pageOnlyProvider(
  name: string,
  browser: string,
  start: () => Promise<RunningBrowser>,
): BrowserProviderOption {
  return defineBrowserProvider({
    name,
    supportedBrowser: [browser],
    options: {},
    providerFactory: () => new PageOnlyProvider(name, start),
  });
}

class PageOnlyProvider implements BrowserProvider {
  readonly supportsParallelism = false;
  private running: Promise<RunningBrowser> | undefined;

  constructor(
    readonly name: string,
    private readonly start: () => Promise<RunningBrowser>,
  ) {}

  getCommandsContext(): Record<string, unknown> {
    return {};
  }

  async openPage(sessionId: string, url: string): Promise<void> {
    this.running ??= this.start();
    await (await this.running).open(sessionId, url);
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await (await running?.catch(() => undefined))?.close();
  }
}

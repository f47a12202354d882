import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Readable } from 'node:stream';
import type { BrowserProviderOption } from 'vitest/node';
import { miniBrowserPath, WEBKIT_DRIVER, XVFB } from '../../../browsers.shared';
import { pageOnlyProvider, type RunningBrowser } from './provider';

/**
 * WebKitGTK's MiniBrowser, driven by its WebDriver server (WebKitWebDriver, WebDriver classic over
 * HTTP: three commands, so no client library), drawing into an Xvfb display this run starts on a free
 * display number: WebKitGTK has no headless mode. Xvfb, the driver and the browser all stop with the run.
 */
export function webkitProvider(): BrowserProviderOption {
  return pageOnlyProvider('webkitgtk-webdriver', 'webkit', async () => {
    const processes = new ProcessGroup();
    try {
      const display = await startXvfb(processes);
      const port = await freePort();
      const driver = processes.spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=local'], {
        env: { ...process.env, DISPLAY: display },
      });
      const webdriver = new WebDriverClient(`http://127.0.0.1:${port}`);
      await webdriver.waitUntilReady(driver);
      const session = await webdriver.newSession({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
      });
      return new WebKitBrowser(webdriver, session, processes);
    } catch (error) {
      processes.stopAll();
      throw error;
    }
  });
}

class WebKitBrowser implements RunningBrowser {
  /** Window handles by vitest session; the first session gets the window the browser opened with. */
  private readonly windows = new Map<string, string>();

  constructor(
    private readonly webdriver: WebDriverClient,
    private readonly session: string,
    private readonly processes: ProcessGroup,
  ) {}

  async open(sessionId: string, url: string): Promise<void> {
    const command = (method: string, path: string, body?: unknown) =>
      this.webdriver.command(method, `/session/${this.session}${path}`, body);
    let handle = this.windows.get(sessionId);
    if (!handle) {
      handle =
        this.windows.size === 0
          ? ((await command('GET', '/window')) as string)
          : ((await command('POST', '/window/new', { type: 'tab' })) as { handle: string }).handle;
      this.windows.set(sessionId, handle);
    }
    await command('POST', '/window', { handle });
    await command('POST', '/url', { url });
  }

  async close(): Promise<void> {
    try {
      await this.webdriver.command('DELETE', `/session/${this.session}`, undefined, 10_000); // closes MiniBrowser
    } finally {
      this.processes.stopAll();
    }
  }
}

/** WebDriver classic over HTTP, as much of it as opening pages needs. */
class WebDriverClient {
  constructor(private readonly base: string) {}

  /** One command; a driver or browser that stopped answering fails it after `timeoutMs`. */
  async command(method: string, path: string, body?: unknown, timeoutMs = 60_000): Promise<unknown> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? (method === 'POST' ? '{}' : null) : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const { value } = (await response.json()) as { value: unknown };
    if (!response.ok) throw new Error(`WebKitWebDriver ${method} ${path}: ${JSON.stringify(value)}`);
    return value;
  }

  async newSession(capabilities: Record<string, unknown>): Promise<string> {
    const value = await this.command('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    return (value as { sessionId: string }).sessionId;
  }

  /** Polls /status until the driver listens; fails at once if it exited. */
  async waitUntilReady(driver: ChildProcess, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (driver.exitCode !== null || driver.signalCode !== null) {
        throw new Error(
          `WebKitWebDriver exited (${driver.exitCode ?? driver.signalCode}) before it listened`,
        );
      }
      try {
        const status = (await this.command('GET', '/status', undefined, 1000)) as { ready?: boolean };
        if (status.ready !== false) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not listen within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Starts Xvfb on a display number it picks itself (`-displayfd`) and resolves to that display, e.g. `:3`. */
async function startXvfb(processes: ProcessGroup): Promise<string> {
  const xvfb = processes.spawn(
    XVFB,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const displayFd = xvfb.stdio[3] as Readable;
  const stderr: string[] = [];
  xvfb.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    displayFd.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    xvfb.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}) before it started: ${stderr.join('').trim()}`));
    });
    xvfb.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** A port nothing listens on now, for the driver. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The processes this run started, stopped together at the end — and when this process exits any
 * other way, so none outlives the run.
 */
class ProcessGroup {
  private readonly children: ChildProcess[] = [];
  private readonly onExit = () => this.stopAll();

  constructor() {
    process.once('exit', this.onExit);
  }

  spawn(command: string, args: string[], options: Parameters<typeof spawn>[2] = {}): ChildProcess {
    const child = spawn(command, args, { stdio: 'ignore', ...options });
    this.children.push(child);
    return child;
  }

  stopAll(): void {
    process.off('exit', this.onExit);
    // Last started first: the driver (with its browser) before the display it draws on.
    for (const child of this.children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
    this.children.length = 0;
  }
}

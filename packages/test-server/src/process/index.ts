/**
 * The test server in a child process of its own, for measurements and demos: a download in this
 * process then does not share its event loop with the server feeding it.
 * @packageDocumentation
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface TestServerProcess {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Closes the server and ends the child; resolves when it has exited. */
  stop(): Promise<void>;
}

/**
 * The child's entry and flags: the built file as it is, or, running from source (tests, the repository's
 * apps), the TypeScript source through tsx, the workspace's TypeScript runner.
 */
function childCommand(): { entry: string; execArgv: string[] } {
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    return { entry: fileURLToPath(new URL('./process-child.js', here)), execArgv: [] };
  const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href;
  return { entry: fileURLToPath(new URL('./child.ts', here)), execArgv: ['--import', tsx] };
}

export function startTestServerProcess(): Promise<TestServerProcess> {
  const { entry, execArgv } = childCommand();
  const child = fork(entry, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the test server process exited early (code ${code})`)));
    child.once('message', (message) => {
      resolve({
        url: (message as { url: string }).url,
        stop() {
          if (child.connected) child.disconnect();
          return exited;
        },
      });
    });
  });
}

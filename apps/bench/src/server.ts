import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Starts the test server in a child process; resolves to its URL and a stop function. */
export function startServerProcess(): Promise<{ url: string; stop(): void }> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = fork(fileURLToPath(new URL('./server-process.ts', import.meta.url)), {
    execArgv: ['--conditions=dl-source', '--import', tsx],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => {
      resolve({ url: (message as { url: string }).url, stop: () => child.disconnect() });
    });
  });
}

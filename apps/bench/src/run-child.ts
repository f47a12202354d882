import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildJob, ChildResult } from './protocol';

const childEntry = fileURLToPath(new URL('./child.ts', import.meta.url));

/**
 * Runs one job in a fresh Node process: the bench's own TypeScript through tsx, @dl/node as users get it
 * (its built `dist`, which `pnpm bench` builds first).
 */
export function runChild(job: ChildJob): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(childEntry, [JSON.stringify(job)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ChildResult | undefined;
    child.once('message', (message) => {
      result = message as ChildResult;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`the ${job.contender} process exited with ${code} and no result`));
    });
  });
}

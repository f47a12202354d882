#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), resolving workspace packages to their source.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main.ts');
// tsx by absolute URL, so `dl` works from any directory.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const child = spawn(
  process.execPath,
  ['--conditions=dl-source', '--import', tsx, main, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: process.cwd(),
  },
);

// A signal sent to this wrapper alone (kill <pid>, a supervisor) reaches the download too, so it stops
// and removes its partial file instead of running on as an orphan. Ctrl-C in a terminal signals both;
// the command treats a repeated signal as the same request to stop.
const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of forwarded) process.on(signal, forward);

child.on('error', (error) => {
  process.stderr.write(`dl: cannot start: ${error.message}\n`);
  process.exitCode = 1;
});
child.on('exit', (code, signal) => {
  for (const name of forwarded) process.off(name, forward);
  process.exitCode = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1);
});

#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), resolving workspace packages to their source.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main.ts');
// tsx by absolute URL, so `dl` works from any directory.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const { status, signal } = spawnSync(
  process.execPath,
  ['--conditions=dl-source', '--import', tsx, main, ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: process.cwd() },
);
process.exitCode = status ?? (signal === 'SIGINT' ? 130 : 1);

/**
 * `pnpm bench`: every benchmark in one go — the Node suites and the sizes (`bench.ts`), then Chromium
 * (`browser.ts`) where Chromium is installed — each in its own process, with the same flags.
 * `--only=…` picks suites; `chromium` is the browser run's name there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../../../chromium.shared';
import { option } from './args';

const args = process.argv.slice(2);
const only = option('only')?.split(',');

function run(script: string, scriptArgs: string[]): void {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...scriptArgs], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const nodeSuites = only?.filter((suite) => suite !== 'chromium');
if (!only || (nodeSuites && nodeSuites.length > 0)) {
  run(
    './bench.ts',
    only ? [...args.filter((a) => !a.startsWith('--only=')), `--only=${nodeSuites?.join(',')}`] : args,
  );
}
if (!only || only.includes('chromium')) {
  if (existsSync(CHROMIUM))
    run(
      './browser.ts',
      args.filter((a) => !a.startsWith('--only=')),
    );
  else
    console.log(
      `Chromium: skipped, ${CHROMIUM} is not installed (apt-get install chromium, or CHROMIUM_PATH)`,
    );
}

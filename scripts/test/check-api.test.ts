/**
 * `pnpm check:api` on a copy of @dl/types (its manifest, built declarations and report) in a folder of
 * its own: it passes while the declarations match the report, fails on a change naming the report and
 * `pnpm api:update`, and passes again once `--update` has rewritten the report.
 */
import { execFile as execFileCallback } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

const execFile = promisify(execFileCallback);
const workspace = join(dirname(fileURLToPath(import.meta.url)), '../..');
const types = join(workspace, 'packages/types');
let root: string;

beforeAll(async () => {
  if (!existsSync(join(types, 'dist/index.d.ts'))) throw new Error('build @dl/types first (pnpm build)');
  root = await mkdtemp(join(tmpdir(), 'dl-check-api-'));
  for (const part of ['package.json', 'dist', 'api'])
    await cp(join(types, part), join(root, 'packages/types', part), { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function checkApi(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFile(
      process.execPath,
      [join(workspace, 'scripts/check-api.mjs'), `--root=${root}`, ...args],
      { cwd: workspace },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

it('passes, fails on an API change with the command that updates the report, passes once updated', async () => {
  expect(await checkApi()).toMatchObject({ code: 0, output: expect.stringContaining('API reports match') });

  // A new export, as a change to src/ would bring after the build.
  await appendFile(
    join(root, 'packages/types/dist/index.d.ts'),
    '\nexport declare const addedForTheTest: 1;\n',
  );
  const drift = await checkApi();
  expect(drift.code).toBe(1);
  expect(drift.output).toContain('packages/types/api/index.api.md');
  expect(drift.output).toContain('pnpm api:update');
  expect(drift.output).toContain('+export const addedForTheTest: 1;');

  expect((await checkApi('--update')).code).toBe(0);
  expect(await readFile(join(root, 'packages/types/api/index.api.md'), 'utf8')).toContain(
    'export const addedForTheTest: 1;',
  );
  expect((await checkApi()).code).toBe(0);
}, 60_000);

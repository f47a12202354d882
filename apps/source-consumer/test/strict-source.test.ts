/**
 * dl's sources type-check in a workspace app with stricter flags than dl's own (tsconfig.json here:
 * exactOptionalPropertyTypes, noUncheckedIndexedAccess, noImplicitOverride, …) that reads every @dl
 * entry from source through the `dl-source` condition: the program holds each entry's src/ file and no
 * built declarations, and a violation of those flags fails it.
 */
import { execFile as execFileCallback } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const execFile = promisify(execFileCallback);
const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(app, '../..');
const TSC = join(workspace, 'node_modules/typescript/bin/tsc');
const scratch = join(app, 'test-output');
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function tsc(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await execFile(
      process.execPath,
      [TSC, '-p', project, '--listFiles', '--pretty', 'false'],
      {
        cwd: app,
      },
    );
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** Every public package's `dl-source` files (one per export entry), relative to the workspace. */
function sourceEntries(): string[] {
  return readdirSync(join(workspace, 'packages')).flatMap((folder) => {
    const pkg = JSON.parse(readFileSync(join(workspace, 'packages', folder, 'package.json'), 'utf8'));
    if (pkg.private) return [];
    return Object.values(pkg.exports as Record<string, string | Record<string, unknown>>)
      .flatMap((target) =>
        typeof target === 'object' && typeof target['dl-source'] === 'string' ? [target['dl-source']] : [],
      )
      .map((source) => join('packages', folder, source));
  });
}

it('every entry of every package compiles from its source under the strict flags', async () => {
  const { code, output } = await tsc('tsconfig.json');
  expect(output.split('\n').filter((line) => line.includes('error TS'))).toEqual([]);
  expect(code).toBe(0);
  const files = output.split('\n').map((line) => line.trim());
  const entries = sourceEntries();
  expect(entries.length).toBeGreaterThanOrEqual(15);
  for (const entry of entries) expect(files, entry).toContain(join(workspace, entry));
  expect(files.filter((file) => /\/packages\/[^/]+\/dist\//.test(file))).toEqual([]);
});

it('a violation of those flags in the same program fails it (the check is not vacuous)', async () => {
  await mkdir(scratch, { recursive: true });
  await writeFile(
    join(scratch, 'bad.ts'),
    [
      "import { createDownloader } from '@dl/node';",
      '// exactOptionalPropertyTypes: an optional property is absent, not undefined.',
      'const tempDir: string | undefined = process.env.TMPDIR;',
      'const options: { tempDir?: string } = { tempDir };',
      'export const bound = createDownloader(options);',
      '// noUncheckedIndexedAccess: an element may be missing.',
      'export const first: string = process.argv[0];',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({ extends: '../tsconfig.json', files: ['../src/imports.ts', 'bad.ts'] }),
  );
  const { code, output } = await tsc('test-output/tsconfig.json');
  expect(code).not.toBe(0);
  const errors = output.split('\n').filter((line) => line.includes('error TS'));
  expect(errors.map((line) => line.match(/^test-output\/bad\.ts\((\d+),/)?.[1])).toEqual(['4', '7']);
});

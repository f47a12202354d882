import { execFile as execFileCallback } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { consumerEnv, WORKSPACE } from './projects';

const execFile = promisify(execFileCallback);
const dir = inject('consumerDirs')['node-app'];
// The project's own TypeScript and Node types would come from the registry; these are the workspace's.
const TSC = join(WORKSPACE, 'node_modules/typescript/bin/tsc');

beforeAll(async () => {
  await mkdir(join(dir, 'node_modules/@types'), { recursive: true });
  await symlink(join(WORKSPACE, 'node_modules/@types/node'), join(dir, 'node_modules/@types/node'), 'dir');
});

async function tsc(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await execFile(
      process.execPath,
      [TSC, '-p', project, '--listFiles', '--pretty', 'false'],
      {
        cwd: dir,
        env: consumerEnv(),
      },
    );
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

// Each mode, and the declaration files it must read (ESM's .d.ts, CommonJS's .d.cts under node16).
describe.each([
  ['node16', ['@dl/node/dist/index.d.ts', '@dl/node/dist/index.d.cts', '@dl/core/dist/index.d.ts']],
  ['bundler', ['@dl/node/dist/index.d.ts', '@dl/core/dist/index.d.ts', '@dl/types/dist/index.d.ts']],
] as const)('strict TypeScript, moduleResolution %s', (mode, declarations) => {
  it('tsc --noEmit passes on code using the API, reading the published declarations', async () => {
    const { code, output } = await tsc(`tsconfig.${mode}.json`);
    expect(output.split('\n').filter((line) => line.includes('error TS'))).toEqual([]);
    expect(code).toBe(0);
    for (const file of declarations) expect(output).toContain(`node_modules/${file}`);
  });

  it('a type error in that code fails the check (it is not vacuous)', async () => {
    await mkdir(join(dir, `bad-${mode}`), { recursive: true });
    await writeFile(
      join(dir, `bad-${mode}/bad.ts`),
      [
        "import { downloadFile } from '@dl/node';",
        "export const task = downloadFile({ url: 'http://127.0.0.1:9/x', timeout: '1s' });",
        'export const path: number = (await task).tempFilePath;',
        'task.onProgressUpdate(({ progress }) => progress.toUpperCase());',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, `tsconfig.${mode}.bad.json`),
      JSON.stringify({ extends: `./tsconfig.${mode}.json`, include: [`bad-${mode}`] }),
    );
    const { code, output } = await tsc(`tsconfig.${mode}.bad.json`);
    expect(code).not.toBe(0);
    const errors = output.split('\n').filter((line) => line.includes('error TS'));
    expect(errors.map((line) => line.match(/^bad-\w+\/bad\.ts\((\d+),/)?.[1])).toEqual(['2', '3', '4']);
  });
});

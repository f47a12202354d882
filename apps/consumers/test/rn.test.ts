import { execFile as execFileCallback } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, inject, it } from 'vitest';
import { consumerEnv } from './projects';

const execFile = promisify(execFileCallback);
const dir = inject('consumerDirs')['rn-app'];

async function load(specifier: string, how: 'import' | 'require') {
  const { stdout } = await execFile(process.execPath, ['load.mjs', specifier, how], {
    cwd: dir,
    env: consumerEnv(),
  });
  return JSON.parse(stdout) as { ok: boolean; exports?: string[]; message?: string };
}

// react-native-blob-util is an optional peer (`@dl/rn/portable` needs none), so installing @dl/rn
// without it works; the app entry then fails naming what is missing. Metro fails the bundle instead:
// "Unable to resolve module react-native-blob-util from …/@dl/rn/dist/index.js" (see @dl/rn's README).
it.each(['import', 'require'] as const)(
  '@dl/rn with no react-native-blob-util installed (%s): the error names it',
  async (how) => {
    const result = await load('@dl/rn', how);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(
      /Cannot find (package|module) 'react-native-blob-util'.*@dl\/rn\/dist\/index\.c?js/s,
    );
  },
);

it.each(['import', 'require'] as const)('@dl/rn/portable loads without it (%s)', async (how) => {
  const result = await load('@dl/rn/portable', how);
  expect(result).toMatchObject({ ok: true });
  expect(result.exports).toContain('createDownloader');
});

it('installed but without its native side: the error names the library and the install command', async () => {
  // What Node (or a test runner) finds when the package is there and its native module is not.
  const stub = join(dir, 'node_modules/react-native-blob-util');
  await mkdir(stub, { recursive: true });
  await writeFile(
    join(stub, 'package.json'),
    JSON.stringify({ name: 'react-native-blob-util', version: '0.25.1', main: 'index.js' }),
  );
  await writeFile(join(stub, 'index.js'), 'module.exports = { default: null };\n');
  try {
    for (const how of ['import', 'require'] as const) {
      const result = await load('@dl/rn', how);
      expect(result.ok, how).toBe(false);
      expect(result.message, how).toMatch(
        /needs react-native-blob-util \(>=0\.22\.0 <1\).*`npm install react-native-blob-util`/,
      );
    }
  } finally {
    await rm(stub, { recursive: true, force: true });
  }
});

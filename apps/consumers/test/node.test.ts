import { execFile as execFileCallback } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { testServerUrl } from '@dl/conformance';
import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import { expect, inject, it } from 'vitest';
import { consumerEnv } from './projects';

const execFile = promisify(execFileCallback);
const dir = inject('consumerDirs')['node-app'];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

it.each([
  ['ES module (import)', 'src/esm.mjs', /node_modules\/@dl\/node\/dist\/index\.js$/],
  ['CommonJS (require)', 'src/cjs.cjs', /node_modules\/@dl\/node\/dist\/index\.cjs$/],
] as const)('Node, %s: the installed @dl/node downloads the exact bytes', async (_kind, script, entry) => {
  const size = 3 * 1024 * 1024 + 17;
  const seed = 4242;
  // Plain `node`, in the fresh project: no loader, no source condition, no workspace around it.
  const { stdout } = await execFile(process.execPath, [script, fileUrl(testServerUrl(), { size, seed })], {
    cwd: dir,
    env: consumerEnv(),
  });
  const report = JSON.parse(stdout);
  expect(report.resolved).toMatch(entry);
  expect(report.resolved.startsWith(dir) || report.resolved.startsWith(`file://${dir}`)).toBe(true);
  expect(report).toMatchObject({ statusCode: 200, dataLength: size, size });
  expect(report.sha256, 'the SHA-256 of the expected content').toBe(sha256(contentBytes(seed, 0, size)));
  if ('headers' in report) expect(report).toMatchObject({ headers: 1, lastProgress: 100 });
});

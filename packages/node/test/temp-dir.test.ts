import { chmod, lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testServerUrl } from '@dl/conformance';

import { fileUrl } from '@dl/test-server/scenarios';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDownloader, defaultTempDir } from '../src/index';

const posix = typeof process.getuid === 'function';
let root: string;
const savedTmp = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };

/** Points os.tmpdir() at a fresh directory, as a shared /tmp would be. */
async function freshTmp(): Promise<string> {
  const dir = await mkdtemp(join(root, 'tmp-'));
  process.env.TMPDIR = dir;
  process.env.TMP = dir;
  process.env.TEMP = dir;
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dl-node-tempdir-'));
});
afterEach(() => {
  for (const [name, value] of Object.entries(savedTmp)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe.runIf(posix)('the default temporary directory is private to the user', () => {
  it('is dl-<uid> under os.tmpdir(), created 0700, with files 0600', async () => {
    const tmp = await freshTmp();
    const dir = defaultTempDir();
    expect(dir).toBe(join(tmp, `dl-${process.getuid!()}`));
    const { downloadFile } = createDownloader();
    const result = await downloadFile({ url: fileUrl(testServerUrl(), { size: 100 }) });
    expect(result.tempFilePath!.startsWith(dir)).toBe(true);
    expect((await lstat(dir)).mode & 0o777).toBe(0o700);
    expect((await lstat(result.tempFilePath!)).mode & 0o077).toBe(0);
  });

  it('refuses a symlink planted under its name, writing nothing through it', async () => {
    const tmp = await freshTmp();
    const elsewhere = join(tmp, 'attacker');
    await mkdir(elsewhere, { mode: 0o700 });
    await symlink(elsewhere, join(tmp, `dl-${process.getuid!()}`));
    const { downloadFile } = createDownloader();
    await expect(downloadFile({ url: fileUrl(testServerUrl(), { size: 100 }) })).rejects.toMatchObject({
      code: 'FILE_SYSTEM',
      errMsg: expect.stringMatching(/unsafe temporary directory .*symbolic link/),
    });
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('refuses a directory open to group or others', async () => {
    const tmp = await freshTmp();
    const dir = join(tmp, `dl-${process.getuid!()}`);
    await mkdir(dir);
    await chmod(dir, 0o777);
    const { downloadFile } = createDownloader();
    await expect(downloadFile({ url: fileUrl(testServerUrl(), { size: 100 }) })).rejects.toMatchObject({
      code: 'FILE_SYSTEM',
      errMsg: expect.stringMatching(/mode is 777, not private/),
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a file planted under its name', async () => {
    const tmp = await freshTmp();
    await writeFile(join(tmp, `dl-${process.getuid!()}`), 'x');
    const { downloadFile } = createDownloader();
    await expect(downloadFile({ url: fileUrl(testServerUrl(), { size: 100 }) })).rejects.toMatchObject({
      code: 'FILE_SYSTEM',
      errMsg: expect.stringMatching(/not a directory/),
    });
  });

  it('checks once, and again when the directory disappeared', async () => {
    await freshTmp();
    const { downloadFile } = createDownloader();
    const first = await downloadFile({ url: fileUrl(testServerUrl(), { size: 10 }) });
    const dir = defaultTempDir();
    await rm(dir, { recursive: true });
    const second = await downloadFile({ url: fileUrl(testServerUrl(), { size: 10 }) });
    expect(second.tempFilePath!.startsWith(dir)).toBe(true);
    expect(first.tempFilePath).not.toBe(second.tempFilePath);
    expect((await lstat(dir)).mode & 0o777).toBe(0o700);
  });

  it('a caller-chosen tempDir is created but not policed', async () => {
    const tmp = await freshTmp();
    const mine = join(tmp, 'shared');
    await mkdir(mine);
    await chmod(mine, 0o755);
    const { downloadFile } = createDownloader({ tempDir: mine });
    const result = await downloadFile({ url: fileUrl(testServerUrl(), { size: 10 }) });
    expect(result.tempFilePath!.startsWith(mine)).toBe(true);
    expect((await lstat(result.tempFilePath!)).mode & 0o077).toBe(0);
  });
});

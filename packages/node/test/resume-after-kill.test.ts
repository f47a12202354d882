import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { testServerUrl } from '@dl/conformance';
import { contentBytes, fetchLog, fileUrl } from '@dl/test-server/scenarios';
import type { ResumeData } from '@dl/types';
import { expect, it } from 'vitest';
import { downloadFile } from '../src/index';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const child = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/download-until-killed.ts');

it('a download killed mid-body (SIGKILL, no cleanup) is continued by the next process from its resumeData', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dl-kill-'));
  try {
    const size = 3_000_000;
    const id = `kill-${Date.now()}`;
    const url = fileUrl(testServerUrl(), { size, seed: 71, chunk: 16_384, delay: 10, id });
    const filePath = join(dir, 'big.bin');
    const resumeFile = join(dir, 'resume.json');
    const proc = spawn(
      process.execPath,
      ['--conditions=dl-source', '--import', tsx, child, url, filePath, resumeFile],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((stored) =>
      proc.stdout.on('data', (d: Buffer) => d.includes('stored') && stored()),
    );
    proc.kill('SIGKILL');
    await new Promise((exited) => proc.once('exit', exited));

    const resumeData = JSON.parse(await readFile(resumeFile, 'utf8')) as ResumeData;
    const left = await readdir(dir);
    expect(
      left.some((name) => name.endsWith('.part')),
      'the killed process left its part file',
    ).toBe(true);

    const result = await downloadFile({ url, filePath, resumeData });
    expect(result.dataLength).toBe(size);
    expect(result.statusCode, 'the 206 stands for the whole file').toBe(200);
    expect(result.header['content-length']).toBe(String(size));
    expect(result.header['content-range']).toBeUndefined();
    expect(Buffer.compare(await readFile(filePath), Buffer.from(contentBytes(71, 0, size)))).toBe(0);
    const requests = (await fetchLog(testServerUrl(), id)).filter((e) => e.path === '/file');
    const from = Number(/^bytes=(\d+)-$/.exec(requests[1]?.headers.range ?? '')?.[1]);
    expect(from, 'continued from what the killed process had saved').toBeGreaterThanOrEqual(resumeData.bytes);
    expect(requests[1]?.bytesSent).toBe(size - from);
    expect((await readdir(dir)).sort()).toEqual(['big.bin', 'resume.json']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it('resumeData naming a file that is not a dl part file never touches it: the download starts from zero', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dl-forged-'));
  try {
    const victim = join(dir, 'precious.txt');
    await import('node:fs/promises').then((fs) => fs.writeFile(victim, 'keep me'));
    const url = fileUrl(testServerUrl(), { size: 5000, seed: 72 });
    const filePath = join(dir, 'out.bin');
    const forged: ResumeData = {
      adapter: 'node',
      url,
      filePath,
      partial: victim,
      validator: '"dl-5000-72"',
      bytes: 3,
    };
    const result = await downloadFile({ url, filePath, resumeData: forged });
    expect(result.dataLength).toBe(5000);
    expect(await readFile(victim, 'utf8')).toBe('keep me');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it('a partial holding every byte already (a crash before the rename) is not glued to a 416: the file downloads again', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dl-416-'));
  try {
    const size = 20_000;
    const url = fileUrl(testServerUrl(), { size, seed: 73 });
    const filePath = join(dir, 'done.bin');
    const partial = join(dir, '.done.bin.0123456789ab.part');
    await writeFile(partial, contentBytes(73, 0, size));
    const resumeData: ResumeData = {
      adapter: 'node',
      url,
      filePath,
      partial,
      validator: `"dl-${size}-73"`,
      bytes: size,
    };
    const result = await downloadFile({ url, filePath, resumeData });
    expect(result).toMatchObject({ statusCode: 200, dataLength: size });
    expect(Buffer.compare(await readFile(filePath), Buffer.from(contentBytes(73, 0, size)))).toBe(0);
    expect(await readdir(dir)).toEqual(['done.bin']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it('a part file of another target named by resumeData is never reopened: FILE_SYSTEM, and it is left as it was', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dl-other-part-'));
  try {
    const url = fileUrl(testServerUrl(), { size: 5000, seed: 74 });
    const filePath = join(dir, 'f.bin');
    const other = join(dir, '.g.bin.0123456789ab.part');
    await writeFile(other, 'PRECIOUS');
    const forged: ResumeData = {
      adapter: 'node',
      url,
      filePath,
      partial: other,
      validator: '"dl-5000-74"',
      bytes: 8,
    };
    await expect(downloadFile({ url, filePath, resumeData: forged })).rejects.toMatchObject({
      code: 'FILE_SYSTEM',
    });
    expect(await readFile(other, 'utf8')).toBe('PRECIOUS');
    expect((await readdir(dir)).sort()).toEqual(['.g.bin.0123456789ab.part']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

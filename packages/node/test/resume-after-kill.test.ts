import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
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

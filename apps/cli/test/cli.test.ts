import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { testServerUrl } from '@dl/conformance';
import { contentBytes, fetchLog, fileUrl } from '@dl/test-server/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// tsx by absolute URL: the child runs in a temporary directory, where a bare `tsx` would not resolve.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const main = resolve(dirname(fileURLToPath(import.meta.url)), '../src/main.ts');
const wrapper = resolve(dirname(fileURLToPath(import.meta.url)), '../bin/dl.js');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dl-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `dl` command in a child process; `whileRunning` may signal it. */
function dl(
  args: string[],
  whileRunning?: (child: ChildProcess, output: () => string) => void,
  { viaWrapper = false } = {},
): Promise<Run> {
  return new Promise((done) => {
    const command = viaWrapper ? [wrapper] : ['--conditions=dl-source', '--import', tsx, main];
    const child = spawn(process.execPath, [...command, ...args], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    whileRunning?.(child, () => stdout + stderr);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the dl command', () => {
  it('downloads a URL to -o, prints the headers summary, and exits 0', async () => {
    const out = join(work, 'a.bin');
    const run = await dl([
      fileUrl(testServerUrl(), { size: 200_000, seed: 5, type: 'image/png' }),
      '-o',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/HTTP 200 · 200 kB · content-type: image\/png/);
    expect(run.stdout).toMatch(/Saved 200 kB/);
    expect(Buffer.compare(await readFile(out), Buffer.from(contentBytes(5, 0, 200_000)))).toBe(0);
  });

  it('saves a 404 body but exits 8', async () => {
    const out = join(work, 'missing.html');
    const run = await dl([fileUrl(testServerUrl(), { size: 50, status: 404 }), '-o', out, '-q']);
    expect(run.code).toBe(8);
    expect(run.stderr).toMatch(/HTTP 404/);
    expect((await readFile(out)).length).toBe(50);
  });

  it('reports a refused connection with exit 3 and leaves no file', async () => {
    const out = join(work, 'refused.bin');
    const run = await dl(['http://127.0.0.1:1/x', '-o', out, '-q']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/dl: downloadFile:fail .* \[NETWORK\]/);
    expect(await readdir(work)).not.toContain('refused.bin');
  });

  it('rejects an ftp: URL with exit 2', async () => {
    const run = await dl(['ftp://127.0.0.1/x', '-o', join(work, 'x'), '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/url scheme is invalid \[INVALID_ARGUMENT\]/);
  });

  it('refuses to overwrite an existing file without -f', async () => {
    const out = join(work, 'exists.bin');
    await writeFile(out, 'keep me');
    const run = await dl([fileUrl(testServerUrl(), { size: 10 }), '-o', out]);
    expect(run.code).toBe(5);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    const forced = await dl([fileUrl(testServerUrl(), { size: 10, seed: 3 }), '-o', out, '-f', '-q']);
    expect(forced.code).toBe(0);
    expect((await readFile(out)).length).toBe(10);
  });

  it('Ctrl-C aborts cleanly: exit 130 and no partial file', async () => {
    const dir = await mkdtemp(join(work, 'sigint-'));
    const out = join(dir, 'slow.bin');
    const url = fileUrl(testServerUrl(), { size: 5_000_000, chunk: 16_384, delay: 20 });
    const run = await dl([url, '-o', out], (child, output) => {
      const poll = setInterval(() => {
        if (output().includes('HTTP 200')) {
          clearInterval(poll);
          setTimeout(() => child.kill('SIGINT'), 300);
        }
      }, 20);
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/interrupted; nothing was saved/);
    expect(await readdir(dir)).toEqual([]);
  });

  /** Sends `signal` to the process once the download's headers are in and bytes are flowing. */
  const signalWhenStreaming = (signal: NodeJS.Signals) => (child: ChildProcess, output: () => string) => {
    const poll = setInterval(() => {
      if (output().includes('HTTP 200')) {
        clearInterval(poll);
        setTimeout(() => child.kill(signal), 300);
      }
    }, 20);
  };

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal} aborts cleanly like Ctrl-C: exit ${code} and no partial file`, async () => {
      const dir = await mkdtemp(join(work, `${signal.toLowerCase()}-`));
      const out = join(dir, 'slow.bin');
      const url = fileUrl(testServerUrl(), { size: 5_000_000, chunk: 16_384, delay: 20 });
      const run = await dl([url, '-o', out], signalWhenStreaming(signal));
      expect(run.code, run.stderr).toBe(code);
      expect(run.stderr).toMatch(/interrupted; nothing was saved/);
      expect(await readdir(dir)).toEqual([]);
    });
  }

  it('a SIGTERM sent to the bin/dl.js wrapper alone reaches the download: no orphan, no partial file', async () => {
    const dir = await mkdtemp(join(work, 'wrapper-'));
    const out = join(dir, 'slow.bin');
    const id = `cli-wrapper-${process.pid}`;
    const url = fileUrl(testServerUrl(), { size: 5_000_000, chunk: 16_384, delay: 20, id });
    const run = await dl([url, '-o', out], signalWhenStreaming('SIGTERM'), { viaWrapper: true });
    expect(run.code, run.stderr).toBe(143);
    expect(run.stderr).toMatch(/interrupted; nothing was saved/);
    expect(await readdir(dir)).toEqual([]);
    // The child hung up (it did not keep downloading after the wrapper was told to stop).
    const [request] = await fetchLog(testServerUrl(), id);
    expect(request).toMatchObject({ clientAborted: true, finished: false });
    const sent = request!.bytesSent;
    await new Promise((r) => setTimeout(r, 500));
    expect((await fetchLog(testServerUrl(), id))[0]!.bytesSent).toBe(sent);
  });

  it('an unknown size shows elapsed time and speed, never an ETA', async () => {
    const out = join(work, 'unknown-size.bin');
    const url = fileUrl(testServerUrl(), { size: 600_000, chunk: 16_384, delay: 30, length: 'none' });
    const run = await dl([url, '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/so far \| .*\/s \| \S+ elapsed/);
    expect(run.stderr).not.toMatch(/ETA/);
  });

  it('with no URL, downloads a sample from the built-in server and removes it after', async () => {
    const run = await dl(['--sample-size', '3000000']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/No URL given: downloading a 3 MB sample/);
    expect(run.stdout).toMatch(/Saved 3 MB/);
    expect(run.stdout).toMatch(/the sample file was removed/);
    expect(run.stderr).toMatch(/100%/);
  });
  it('-c keeps an interrupted download and the next run with -c continues it with a Range request', async () => {
    const dir = await mkdtemp(join(work, 'continue-'));
    const out = join(dir, 'big.bin');
    const id = `cli-continue-${Date.now()}`;
    const size = 4_000_000;
    const url = fileUrl(testServerUrl(), { size, seed: 61, chunk: 16_384, delay: 10, id });
    const first = await dl([url, '-o', out, '-c', '-q'], signalWhenStreaming('SIGINT'));
    expect(first.code, first.stderr).toBe(130);
    expect(first.stderr).toMatch(/bytes so far are kept/);
    const kept = await readdir(dir);
    expect(kept, 'a part file and the resume file, no final file').toContain('big.bin.dl-resume');
    expect(kept).not.toContain('big.bin');

    const second = await dl([url, '-o', out, '-c', '-q']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/continuing the/);
    expect(Buffer.compare(await readFile(out), Buffer.from(contentBytes(61, 0, size)))).toBe(0);
    expect(await readdir(dir), 'nothing but the file is left').toEqual(['big.bin']);
    const [, resumed] = (await fetchLog(testServerUrl(), id)).filter((e) => e.path === '/file');
    expect(resumed?.headers.range).toMatch(/^bytes=[1-9]\d*-$/);
  });

  it('--integrity: a mismatch exits 9 and saves nothing; --max-bytes: a larger file exits 10', async () => {
    const dir = await mkdtemp(join(work, 'checks-'));
    const wrong = `sha256-${Buffer.alloc(32).toString('base64')}`;
    const bad = await dl([
      fileUrl(testServerUrl(), { size: 5000 }),
      '-o',
      join(dir, 'a.bin'),
      '--integrity',
      wrong,
      '-q',
    ]);
    expect(bad.code, bad.stderr).toBe(9);
    expect(bad.stderr).toMatch(/INTEGRITY/);
    const big = await dl([
      fileUrl(testServerUrl(), { size: 50_000 }),
      '-o',
      join(dir, 'b.bin'),
      '--max-bytes',
      '1000',
      '-q',
    ]);
    expect(big.code, big.stderr).toBe(10);
    expect(await readdir(dir)).toEqual([]);
  });

  it('--retry: a 503 is retried, each retry shown, and the file saved', async () => {
    const dir = await mkdtemp(join(work, 'retry-'));
    const out = join(dir, 'r.bin');
    const id = `cli-retry-${Date.now()}`;
    const run = await dl([
      fileUrl(testServerUrl(), { size: 3000, seed: 62, id, failFirst: 1, retryAfter: 0 }),
      '-o',
      out,
      '--retry',
      '2',
      '-q',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/retry 1 in 0 ms \(HTTP 503\)/);
    expect(Buffer.compare(await readFile(out), Buffer.from(contentBytes(62, 0, 3000)))).toBe(0);
  });
});

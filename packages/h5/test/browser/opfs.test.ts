import { contentBytes, fileUrl } from '@dl/test-server/scenarios';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adapter, createDownloader } from '../../src/index';
import { listDirectory, makeDirectory, readFile, removeDirectory } from '../support/opfs';
import { transports } from '../support/transports';

const server = () => inject('testServerUrl');
const base = `dl-tests/opfs-${Date.now().toString(36)}`;
afterAll(() => removeDirectory(base));

it('a browser with OPFS claims filePath and atomic saves', () => {
  expect(adapter.capabilities).toMatchObject({ filePath: true, atomicFilePath: true });
});

describe.each(transports)('filePath in the Origin Private File System over %s', (transport) => {
  const { downloadFile } = createDownloader({ transport });
  let dirs = 0;
  const freshDir = () => makeDirectory(`${base}/${transport}-${++dirs}`);

  it('while the body streams, only a hidden .part file exists; then only the caller name', async () => {
    const dir = await freshDir();
    const task = downloadFile({
      url: fileUrl(server(), { size: 300_000, seed: 71, chunk: 16_384, delay: 15 }),
      filePath: `/${dir}/movie.bin`,
    });
    await new Promise<void>((resolve) => task.onProgressUpdate(() => resolve()));
    // The part file (and the browser's own swap file for its writable stream) — never the caller's name.
    const during = await listDirectory(dir);
    expect(during).not.toContain('movie.bin');
    expect(
      during.some((name) => /^\.movie\.bin\.[0-9a-f]{12}\.part$/.test(name)),
      during.join(),
    ).toBe(true);
    for (const name of during) expect(name).toMatch(/^\.movie\.bin\.[0-9a-f]{12}\.part/);
    const result = await task;
    expect(result.filePath).toBe(`/${dir}/movie.bin`);
    expect(await listDirectory(dir)).toEqual(['movie.bin']);
    expect(await readFile(`${dir}/movie.bin`)).toEqual(contentBytes(71, 0, 300_000));
  });

  it('a path with . or .. parts fails with FILE_SYSTEM and writes nothing', async () => {
    const dir = await freshDir();
    const error = await downloadFile({
      url: fileUrl(server(), { size: 10 }),
      filePath: `${dir}/../x.bin`,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_SYSTEM' });
    expect(await listDirectory(dir)).toEqual([]);
  });

  it('a path through a file, not a directory, fails with FILE_SYSTEM (603303)', async () => {
    const dir = await freshDir();
    await downloadFile({ url: fileUrl(server(), { size: 10 }), filePath: `${dir}/plain` });
    const error = await downloadFile({
      url: fileUrl(server(), { size: 10 }),
      filePath: `${dir}/plain/x.bin`,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_SYSTEM', errno: 603303 });
    expect(await listDirectory(dir)).toEqual(['plain']);
  });
});

describe('filePath where the browser has no FileSystemHandle.move()', () => {
  // Chromium has move(); other browsers shipped OPFS without it. Hide it to run the other path for real.
  const candidates: Array<object | undefined> = [
    globalThis.FileSystemHandle?.prototype,
    globalThis.FileSystemFileHandle?.prototype,
  ];
  const owners = candidates.filter(
    (owner): owner is object => owner !== undefined && Object.hasOwn(owner, 'move'),
  );
  const saved = owners.map((owner) => [owner, Object.getOwnPropertyDescriptor(owner, 'move')!] as const);
  const hideMove = () => {
    for (const [owner] of saved) delete (owner as { move?: unknown }).move;
  };
  const restoreMove = () => {
    for (const [owner, descriptor] of saved) Object.defineProperty(owner, 'move', descriptor);
  };

  it('the finished bytes are written to the name in one go and the part file is removed', async () => {
    expect(saved.length, 'Chromium has move() to hide').toBeGreaterThan(0);
    const dir = await makeDirectory(`${base}/no-move`);
    hideMove();
    try {
      const { downloadFile } = createDownloader();
      const result = await downloadFile({
        url: fileUrl(server(), { size: 200_000, seed: 72 }),
        filePath: `/${dir}/doc.bin`,
      });
      expect(result.filePath).toBe(`/${dir}/doc.bin`);
    } finally {
      restoreMove();
    }
    expect(await listDirectory(dir)).toEqual(['doc.bin']);
    expect(await readFile(`${dir}/doc.bin`)).toEqual(contentBytes(72, 0, 200_000));
  });
});

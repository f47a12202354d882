import { testServerUrl } from '@dl/conformance';
import { contentBytes, fetchLog, fileUrl, newRequestId } from '@dl/test-server/scenarios';
import { afterAll, describe, expect, it } from 'vitest';
import { server as vitestServer } from 'vitest/browser';
import { adapter, createDownloader } from '../../src/index';
import { listDirectory, makeDirectory, readFile, removeDirectory } from '../support/opfs';
import { transports } from '../support/transports';

const base = `dl-tests/opfs-${Date.now().toString(36)}`;
const { filePath } = adapter.capabilities;
afterAll(() => (filePath ? removeDirectory(base) : undefined));

// Only what the adapter's capabilities decline is skipped, and the title says so.
const engine = vitestServer.browser;
const withOpfs = filePath ? describe : describe.skip;
const withOpfsTitle = filePath
  ? ''
  : ` — skipped: h5 (${engine}) lacks filePath (adapter.capabilities: no Origin Private File System here)`;
const withoutOpfs = filePath ? it.skip : it;
const withoutOpfsTitle = filePath
  ? ` — skipped: h5 (${engine}) has filePath (adapter.capabilities: OPFS is here)`
  : '';

it('claims filePath and atomic saves exactly where the Origin Private File System opens', async () => {
  // Asked of the platform, not the adapter: WebKit's automation sessions, for one, have no OPFS.
  const storage = navigator.storage as StorageManager | undefined;
  const opens =
    typeof storage?.getDirectory === 'function' &&
    (await storage.getDirectory().then(
      () => true,
      () => false,
    ));
  expect(adapter.capabilities).toMatchObject({ filePath: opens, atomicFilePath: opens });
});

withoutOpfs(
  `without OPFS, filePath fails with FILE_SYSTEM before any request${withoutOpfsTitle}`,
  async () => {
    const { downloadFile } = createDownloader();
    const id = newRequestId();
    const error = await downloadFile({
      url: fileUrl(testServerUrl(), { size: 10, id }),
      filePath: 'a/b.bin',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DownloadError', code: 'FILE_SYSTEM', errno: 603300 });
    expect((error as Error).message).toMatch(/Origin Private File System/);
    expect(await fetchLog(testServerUrl(), id)).toEqual([]);
    expect(adapter.notes?.join(' ')).toMatch(/no Origin Private File System/);
  },
);

withOpfs.each(transports)(
  `filePath in the Origin Private File System over %s${withOpfsTitle}`,
  (transport) => {
    const { downloadFile } = createDownloader({ transport });
    let dirs = 0;
    const freshDir = () => makeDirectory(`${base}/${transport}-${++dirs}`);

    it('while the body streams, only a hidden .part file exists; then only the caller name', async () => {
      const dir = await freshDir();
      const task = downloadFile({
        url: fileUrl(testServerUrl(), { size: 300_000, seed: 71, chunk: 16_384, delay: 15 }),
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
        url: fileUrl(testServerUrl(), { size: 10 }),
        filePath: `${dir}/../x.bin`,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'FILE_SYSTEM' });
      expect(await listDirectory(dir)).toEqual([]);
    });

    it('a path through a file, not a directory, fails with FILE_SYSTEM (603303)', async () => {
      const dir = await freshDir();
      await downloadFile({ url: fileUrl(testServerUrl(), { size: 10 }), filePath: `${dir}/plain` });
      const error = await downloadFile({
        url: fileUrl(testServerUrl(), { size: 10 }),
        filePath: `${dir}/plain/x.bin`,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'FILE_SYSTEM', errno: 603303 });
      expect(await listDirectory(dir)).toEqual(['plain']);
    });
  },
);

withOpfs(`filePath where the browser has no FileSystemHandle.move()${withOpfsTitle}`, () => {
  // Chromium and Firefox have move(); Safari shipped OPFS without it. Hidden here, the other path runs for
  // real wherever OPFS is (and runs as it is in a browser that has no move() to hide).
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
    const dir = await makeDirectory(`${base}/no-move`);
    hideMove();
    try {
      expect('move' in FileSystemFileHandle.prototype, 'move() hidden').toBe(false);
      const { downloadFile } = createDownloader();
      const result = await downloadFile({
        url: fileUrl(testServerUrl(), { size: 200_000, seed: 72 }),
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

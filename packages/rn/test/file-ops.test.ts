import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diskSandbox } from '@dl/conformance/node';
import { describe, expect, it } from 'vitest';
import { NativeFailure } from '../src/backend';
import { createBlobUtilBackend } from '../src/backends/blob-util';
import { hexToBase64 } from '../src/base64';
import { createBlobUtilEmulator } from './emulator/blob-util-emulator';

describe('hexToBase64', () => {
  it('gives what Node gives for every length up to 70 bytes (padding of each kind)', () => {
    for (let length = 0; length <= 70; length++) {
      const bytes = randomBytes(length);
      expect(hexToBase64(bytes.toString('hex')), `${length} bytes`).toBe(bytes.toString('base64'));
      expect(hexToBase64(bytes.toString('hex').toUpperCase())).toBe(bytes.toString('base64'));
    }
  });

  it('refuses what is not hex', () => {
    expect(() => hexToBase64('abc')).toThrow(/not a hex digest/);
    expect(() => hexToBase64('zz')).toThrow(/not a hex digest/);
  });
});

describe.each(['android', 'ios'] as const)(
  'the backend’s digest and append (emulator, %s)',
  async (platform) => {
    const { root } = await diskSandbox(`dl-rn-file-ops-${platform}`);
    const cacheDir = join(root, 'cache');
    await mkdir(cacheDir);
    const blobUtil = createBlobUtilEmulator({ cacheDir, documentDir: root, platform });
    const backend = createBlobUtilBackend(blobUtil);

    it('fs.hash answers lowercase hex; the backend hands on base64, for each SRI algorithm', async () => {
      const path = join(cacheDir, 'h.bin');
      const bytes = randomBytes(200_000);
      await writeFile(path, bytes);
      for (const algorithm of ['sha256', 'sha384', 'sha512'] as const) {
        const hex = await blobUtil.fs.hash(path, algorithm);
        expect(hex).toBe(createHash(algorithm).update(bytes).digest('hex'));
        expect(await backend.digest(path, algorithm)).toBe(
          createHash(algorithm).update(bytes).digest('base64'),
        );
      }
    });

    it('a missing file has no digest: a file-system failure', async () => {
      const failure = await backend.digest(join(cacheDir, 'missing.bin'), 'sha256').catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(NativeFailure);
      expect(failure).toMatchObject({ kind: 'file-system' });
    });

    it('appends a file’s bytes to another', async () => {
      const to = join(cacheDir, 'to.bin');
      const from = join(cacheDir, 'from.bin');
      await writeFile(to, 'head-');
      await writeFile(from, 'tail');
      await backend.append(to, from);
      expect(await readFile(to, 'utf8')).toBe('head-tail');
      expect(await readFile(from, 'utf8'), 'the source stays').toBe('tail');
    });

    it('a source that is gone fails the append, also where the library reports success (iOS: -1 bytes)', async () => {
      const to = join(cacheDir, 'to2.bin');
      await writeFile(to, 'head');
      const missing = join(cacheDir, 'gone.bin');
      if (platform === 'ios') expect(await blobUtil.fs.appendFile(to, missing, 'uri')).toBe(-1);
      else await expect(blobUtil.fs.appendFile(to, missing, 'uri')).rejects.toThrow(/No such file/);
      const failure = await backend.append(to, missing).catch((e: unknown) => e);
      expect(failure).toMatchObject({ kind: 'file-system' });
      expect(await readFile(to, 'utf8')).toBe('head');
    });
  },
);

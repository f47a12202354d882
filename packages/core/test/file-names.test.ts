import { describe, expect, it } from 'vitest';
import { partFileName, randomHex, tempFileName } from '../src/file-names';

describe('file names', () => {
  it('temporary names are unique and keep a plain extension only', () => {
    expect(tempFileName('http://h/a/photo.JPG?x=1')).toMatch(/^dl-[a-z0-9]+-[0-9a-f]{12}\.JPG$/);
    expect(tempFileName('http://h/a/archive.tar.gz')).toMatch(/-[0-9a-f]{12}\.gz$/);
    expect(tempFileName('http://h/a/noext')).toMatch(/^dl-[a-z0-9]+-[0-9a-f]{12}$/);
    expect(tempFileName('http://h/a/.hidden')).toMatch(/^dl-[a-z0-9]+-[0-9a-f]{12}$/);
    expect(tempFileName('http://h/a/x.we!rd')).toMatch(/^dl-[a-z0-9]+-[0-9a-f]{12}$/);
    expect(tempFileName('http://h/a.bin')).not.toBe(tempFileName('http://h/a.bin'));
  });

  it('part names are hidden, beside the final name, and unique', () => {
    expect(partFileName('report.pdf')).toMatch(/^\.report\.pdf\.[0-9a-f]{12}\.part$/);
    expect(partFileName('report.pdf')).not.toBe(partFileName('report.pdf'));
  });

  it('random hex has the asked length, also without crypto', () => {
    expect(randomHex(7)).toMatch(/^[0-9a-f]{7}$/);
    const crypto = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(randomHex(12)).toMatch(/^[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: crypto, configurable: true });
    }
  });
});

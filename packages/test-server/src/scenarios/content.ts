/**
 * Deterministic file content: any byte of any "file" can be computed from (seed, offset) alone, so the
 * server can stream gigabytes without holding them and a test can check any slice it saved.
 *
 * Byte at offset `o` = table[o mod 64 KiB] XOR key(o div 64 KiB): a 64 KiB pseudo-random table per seed,
 * varied per block so that no two blocks repeat. Building a block is one 32-bit XOR pass, which is fast.
 */
export const BLOCK_SIZE = 65_536;

const tables = new Map<number, Uint8Array>();

/** xorshift32: small, fast, and the same in every JavaScript runtime. */
function xorshift(state: number): number {
  let x = state | 0 || 0x9e3779b9;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return x >>> 0;
}

function tableFor(seed: number): Uint8Array {
  let table = tables.get(seed);
  if (!table) {
    table = new Uint8Array(BLOCK_SIZE);
    const words = new Uint32Array(table.buffer);
    let state = (seed * 2654435761) >>> 0;
    for (let i = 0; i < words.length; i++) {
      state = xorshift(state);
      words[i] = state;
    }
    if (tables.size > 64) tables.clear();
    tables.set(seed, table);
  }
  return table;
}

/** The byte every position of a block is XORed with (repeated to 32 bits). */
function blockKey(seed: number, block: number): number {
  const byte = xorshift((seed ^ Math.imul(block + 1, 0x85ebca6b)) >>> 0) & 0xff;
  return (byte * 0x01010101) >>> 0;
}

/** One whole 64 KiB block of a file. */
export function contentBlock(seed: number, block: number): Uint8Array {
  const out = new Uint8Array(tableFor(seed));
  const words = new Uint32Array(out.buffer);
  const key = blockKey(seed, block);
  for (let i = 0; i < words.length; i++) words[i] = (words[i] as number) ^ key;
  return out;
}

/** The bytes of the file with this seed from `start` (inclusive) to `end` (exclusive). */
export function contentBytes(seed: number, start: number, end: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, end - start));
  let offset = start;
  while (offset < end) {
    const block = Math.floor(offset / BLOCK_SIZE);
    const within = offset - block * BLOCK_SIZE;
    const take = Math.min(BLOCK_SIZE - within, end - offset);
    out.set(contentBlock(seed, block).subarray(within, within + take), offset - start);
    offset += take;
  }
  return out;
}

/** The whole body of a `/file?size=…&seed=…` download. */
export function expectedBody(size: number, seed = 1): Uint8Array {
  return contentBytes(seed, 0, size);
}

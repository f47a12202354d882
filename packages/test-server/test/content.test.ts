import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, contentBytes, expectedBody } from '../src/scenarios/content';

describe('deterministic content', () => {
  it('any slice equals the same bytes of the whole body', () => {
    const whole = expectedBody(3 * BLOCK_SIZE + 123, 7);
    for (const [start, end] of [
      [0, 10],
      [BLOCK_SIZE - 5, BLOCK_SIZE + 5],
      [2 * BLOCK_SIZE + 1, 3 * BLOCK_SIZE + 123],
    ] as const) {
      expect(contentBytes(7, start, end)).toEqual(whole.subarray(start, end));
    }
  });

  it('differs between seeds and between blocks', () => {
    expect(contentBytes(1, 0, 64)).not.toEqual(contentBytes(2, 0, 64));
    expect(contentBytes(1, 0, 64)).not.toEqual(contentBytes(1, BLOCK_SIZE, BLOCK_SIZE + 64));
  });

  it('is not trivially compressible (every byte value appears about equally)', () => {
    const counts = new Array(256).fill(0);
    for (const byte of expectedBody(256 * 1024, 3)) counts[byte]++;
    expect(Math.min(...counts)).toBeGreaterThan(700);
    expect(Math.max(...counts)).toBeLessThan(1350);
  });
});

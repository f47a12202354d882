import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListenerSet } from '../src/listeners';

describe('ListenerSet', () => {
  afterEach(() => vi.restoreAllMocks());

  it('adding the same function twice keeps one', () => {
    const set = new ListenerSet<number>();
    const seen: number[] = [];
    const fn = (n: number) => seen.push(n);
    set.add(fn);
    set.add(fn);
    set.emit(1);
    expect(seen).toEqual([1]);
  });

  it('remove(fn) removes that one, remove() removes all', () => {
    const set = new ListenerSet<number>();
    const a: number[] = [];
    const b: number[] = [];
    const fa = (n: number) => a.push(n);
    const fb = (n: number) => b.push(n);
    set.add(fa);
    set.add(fb);
    set.remove(fa);
    set.emit(1);
    set.remove();
    set.emit(2);
    expect(a).toEqual([]);
    expect(b).toEqual([1]);
  });

  it('a removal during an emission takes effect for the next event', () => {
    const set = new ListenerSet<number>();
    const seen: string[] = [];
    const second = (n: number) => seen.push(`second ${n}`);
    set.add((n) => {
      seen.push(`first ${n}`);
      set.remove(second);
    });
    set.add(second);
    set.emit(1);
    set.emit(2);
    expect(seen).toEqual(['first 1', 'second 1', 'first 2']);
  });

  it('a throwing listener is reported and the others still run', () => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    const set = new ListenerSet<number>();
    const seen: number[] = [];
    set.add(() => {
      throw new Error('listener bug');
    });
    set.add((n) => seen.push(n));
    set.emit(7);
    expect(seen).toEqual([7]);
    expect(reported).toHaveBeenCalledWith(expect.objectContaining({ message: 'listener bug' }));
  });
});

import { describe, expect, it } from 'vitest';
import { redirectTarget } from '../src/redirects';

describe('redirectTarget', () => {
  it('resolves the Location of a redirect status against the request URL', () => {
    expect(redirectTarget(302, '/next', 'http://h:1/a/b')).toBe('http://h:1/next');
    expect(redirectTarget(308, 'c', 'http://h/a/b')).toBe('http://h/a/c');
    expect(redirectTarget(301, 'https://other.example/x', 'http://h/a')).toBe('https://other.example/x');
  });

  it('is undefined for a redirect without Location and for statuses that are not redirects', () => {
    expect(redirectTarget(302, undefined, 'http://h/a')).toBeUndefined();
    expect(redirectTarget(302, null, 'http://h/a')).toBeUndefined();
    expect(redirectTarget(304, '/x', 'http://h/a')).toBeUndefined();
    expect(redirectTarget(200, '/x', 'http://h/a')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { followRedirects, redirectTarget } from '../src/redirects';

describe('redirectTarget', () => {
  it('resolves the Location of a redirect status against the request URL', () => {
    expect(redirectTarget(302, '/next', 'http://h:1/a/b')).toBe('http://h:1/next');
    expect(redirectTarget(308, 'c', 'http://h/a/b')).toBe('http://h/a/c');
    expect(redirectTarget(301, 'https://other.example/x', 'http://h/a')).toBe('https://other.example/x');
  });

  it('refuses a Location that is not http(s), with NETWORK', () => {
    for (const location of ['data:text/plain,hi', 'file:///etc/passwd', 'ftp://h/x', 'javascript:alert(1)']) {
      expect(() => redirectTarget(302, location, 'http://h/a')).toThrow(
        expect.objectContaining({ code: 'NETWORK', errMsg: expect.stringMatching(/scheme other than http/) }),
      );
    }
    expect(() => redirectTarget(302, 'http://user:pw@h/', 'http://h/a')).toThrow(
      expect.objectContaining({ code: 'NETWORK' }),
    );
  });

  it('is undefined for a redirect without Location and for statuses that are not redirects', () => {
    expect(redirectTarget(302, undefined, 'http://h/a')).toBeUndefined();
    expect(redirectTarget(302, null, 'http://h/a')).toBeUndefined();
    expect(redirectTarget(304, '/x', 'http://h/a')).toBeUndefined();
    expect(redirectTarget(200, '/x', 'http://h/a')).toBeUndefined();
  });
});

describe('followRedirects', () => {
  /** A fake network: each URL answers with its entry (a redirect Location or the final 200). */
  function network(routes: Record<string, string | null>) {
    const requested: string[] = [];
    const released: string[] = [];
    return {
      requested,
      released,
      request: async (url: string) => {
        requested.push(url);
        const location = routes[url];
        return { url, statusCode: location ? 302 : 200, location };
      },
      hop: (r: { statusCode: number; location: string | null | undefined }) => r,
      release: async (r: { url: string }) => {
        released.push(r.url);
      },
    };
  }

  it('follows up to 15 redirects to the final response, releasing each redirect', async () => {
    const routes: Record<string, string | null> = {};
    for (let i = 0; i < 15; i++) routes[`http://h/${i}`] = `/${i + 1}`;
    routes['http://h/15'] = null;
    const net = network(routes);
    const final = await followRedirects('http://h/0', {}, net.request, net.hop, net.release);
    expect(final.url).toBe('http://h/15');
    expect(net.requested).toHaveLength(16);
    expect(net.released).toEqual(net.requested.slice(0, 15));
  });

  it('fails a 16th redirect and a loop with TOO_MANY_REDIRECTS', async () => {
    const routes: Record<string, string | null> = {};
    for (let i = 0; i < 16; i++) routes[`http://h/${i}`] = `/${i + 1}`;
    routes['http://h/16'] = null;
    const net = network(routes);
    await expect(followRedirects('http://h/0', {}, net.request, net.hop)).rejects.toMatchObject({
      code: 'TOO_MANY_REDIRECTS',
      errno: 600008,
    });
    expect(net.requested).toHaveLength(16);
    const loop = network({ 'http://h/a': '/a' });
    await expect(followRedirects('http://h/a', {}, loop.request, loop.hop)).rejects.toMatchObject({
      code: 'TOO_MANY_REDIRECTS',
    });
  });
});

describe('followRedirects and credentials', () => {
  /** Records the headers each URL was requested with; `routes` maps a URL to its Location. */
  function network(routes: Record<string, string>) {
    const sent: Array<[string, Record<string, string>]> = [];
    return {
      sent,
      request: async (url: string, header: Record<string, string>) => {
        sent.push([url, header]);
        return { statusCode: routes[url] ? 302 : 200, location: routes[url] };
      },
      hop: (r: { statusCode: number; location: string | undefined }) => r,
    };
  }
  const header = { Authorization: 'Bearer t', cookie: 'a=1', 'Proxy-Authorization': 'p', 'X-Keep': 'k' };

  it('keeps every header on the same origin', async () => {
    const net = network({ 'http://h:1/a': '/b', 'http://h:1/b': 'HTTP://H:1/c' });
    await followRedirects('http://h:1/a', header, net.request, net.hop);
    expect(net.sent.map(([, h]) => h)).toEqual([header, header, header]);
  });

  it('drops Authorization, Cookie and Proxy-Authorization once a hop leaves the first origin, for good', async () => {
    const net = network({
      'http://h:1/a': 'http://other:1/b', // another host
      'http://other:1/b': 'http://h:1/c', // back home: still without credentials
    });
    await followRedirects('http://h:1/a', header, net.request, net.hop);
    expect(net.sent.map(([url]) => url)).toEqual(['http://h:1/a', 'http://other:1/b', 'http://h:1/c']);
    expect(net.sent[1]?.[1]).toEqual({ 'X-Keep': 'k' });
    expect(net.sent[2]?.[1]).toEqual({ 'X-Keep': 'k' });
  });

  it.each([
    ['another port', 'http://h:2/b'],
    ['another scheme', 'https://h:1/b'],
  ])('treats %s as another origin', async (_name, target) => {
    const net = network({ 'http://h:1/a': target });
    await followRedirects('http://h:1/a', header, net.request, net.hop);
    expect(net.sent[1]?.[1]).toEqual({ 'X-Keep': 'k' });
  });
});

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { adaptersIn, checkGlobals, DL_MARKER } from '@dl/conformance/realm';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputDir } from './build';

/**
 * The mini-program build, read as the platform would get it. uni-app compiles the app's own sources; dl
 * reaches the bundle as published. The demo's config puts every `@dl/*` module into one chunk, `dl.js`
 * (see vite.config.ts), so dl's code is checked apart from Vue's and uni-app's runtime (`common/vendor.js`).
 */
const dir = outputDir('mp-weixin');

let files: Record<string, string>;
let dl: string;

beforeAll(async () => {
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.js'));
  files = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)),
  );
  dl = files['dl.js'] ?? '';
});

/** The modules a CommonJS chunk requires. */
const requires = (code: string) => [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);

describe('mp-weixin build: dl in its own chunk', () => {
  it("the page loads dl.js, which needs nothing but uni-app's runtime chunk", () => {
    expect(requires(files[join('pages', 'index', 'index.js')] ?? '')).toContain('../../dl.js');
    // uni-app's compiler replaces every `wx` in the bundle, dl's included, with its own copy of `wx`
    // from the runtime chunk: the one thing dl.js takes from there.
    expect(requires(dl)).toEqual(['./common/vendor.js']);
  });

  it('the app imports only @dl/uni, which brings exactly one adapter: @dl/weapp, not @dl/h5', () => {
    expect(adaptersIn(dl)).toEqual(['weapp']);
    const withDl = Object.keys(files).filter((name) => files[name]!.includes(DL_MARKER));
    expect(withDl, "files with dl's code").toEqual(['dl.js']);
    const h5 = Object.keys(files).filter((name) => adaptersIn(files[name]!).includes('h5'));
    expect(h5, "files with @dl/h5's code").toEqual([]);
  });
});

describe("mp-weixin build: dl's code runs on a mini-program's engine", () => {
  it('parses at ECMAScript 2015 and reads no global a mini-program lacks (web, Node, or newer than ES2017)', () => {
    // checkGlobals parses at ES2015 (a newer construct throws, naming line and column) and sorts the
    // free globals: ECMAScript 2017's, the timers, `console` and CommonJS's module scope are allowed, and
    // these, which dl reads only behind `typeof`: @dl/weapp's fallback platform objects (`wx` itself is
    // uni-app's copy here) and the web's `reportError`.
    const guarded = ['my', 'qq', 'swan', 'tt', 'reportError'];
    expect(checkGlobals(dl, guarded)).toEqual({ webOnly: [], unknown: [] });
  });
});

import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputDir } from './build';
import {
  adaptersIn,
  type ChunkModule,
  chunkModules,
  DL_MARKER,
  es2015Error,
  foreignRequires,
  globalReferences,
  MISSING_GLOBALS,
  PUBLISHED,
} from './bundle-check';

/**
 * The mini-program build, read as the platform would get it. Taro compiles only the app's own sources;
 * dl reaches the bundle as published. The demo's config puts every `@dl/*` module into one chunk, `dl.js`
 * (see config/index.ts), so dl's code is checked apart from React's and Taro's runtime.
 */
const dir = outputDir('weapp');

let files: Record<string, string>;
let modules: ChunkModule[];
let ownIds: Set<string>;

beforeAll(async () => {
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.js'));
  files = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)),
  );
  modules = chunkModules(files['dl.js'] ?? '');
  ownIds = new Set(modules.map((module) => module.id));
});

describe('weapp build: dl in its own chunk', () => {
  it('app.js loads dl.js; dl.js holds only dl modules, resolved to dist/ (not the dl-source TypeScript)', () => {
    expect(files['app.js']).toContain('require("./dl")');
    expect(modules.length).toBeGreaterThan(0);
    for (const { id } of modules) expect(id, 'a published dl module').toMatch(PUBLISHED);
    expect(
      modules.some(({ id }) => /(?:^|\/)(?:packages|node_modules\/@dl)\/taro\/dist\//.test(id)),
      '@dl/taro is there',
    ).toBe(true);
  });

  it('the app imports only @dl/taro, which brings exactly one adapter: @dl/weapp, not @dl/h5 or @dl/rn', () => {
    expect(adaptersIn(files['dl.js']!)).toEqual(['weapp']);
  });

  it("dl's code is in dl.js and in no other file; @dl/h5 is in none", () => {
    const withMarker = Object.keys(files).filter((name) => files[name]!.includes(DL_MARKER));
    expect(withMarker).toEqual(['dl.js']);
    const core = modules.filter((module) => module.source.includes('downloadFile:ok'));
    expect(core.length, "@dl/core's code").toBeGreaterThan(0);
    const h5 = Object.keys(files).filter((name) => /[/\\]h5[/\\]dist[/\\]|@dl[/\\]h5/.test(files[name]!));
    expect(h5, 'files holding @dl/h5').toEqual([]);
  });

  it('dl modules require only each other (anything else is an import webpack added for a global)', () => {
    const foreign = modules.flatMap((module) => foreignRequires(module, ownIds));
    const provided = modules
      .flatMap((module) => globalReferences(module, ownIds))
      .filter((reference) => reference.how === 'provided');
    // Every foreign require is one of ProvidePlugin's global substitutes, reported by the next test.
    expect(foreign.filter((id) => !provided.some((reference) => reference.from === id))).toEqual([]);
  });
});

describe("weapp build: dl's code runs on a mini-program's engine", () => {
  it('parses at ECMAScript 2015', () => {
    const errors = modules.map(es2015Error).filter(Boolean);
    expect(errors, 'syntax newer than ES2015 in dl.js').toEqual([]);
  });

  it('references none of the globals a mini-program may lack', () => {
    const missing = new Set<string>(MISSING_GLOBALS);
    const references = modules
      .flatMap((module) =>
        globalReferences(module, ownIds).map((reference) => ({ module: module.id, ...reference })),
      )
      .filter((reference) => missing.has(reference.name));
    const described = references.map(
      ({ module, name, how, from, context }) =>
        `${name} in ${module}${how === 'provided' ? ` (Taro's ProvidePlugin substituted it from ${relative('.', from!)})` : ''}: …${context}…`,
    );
    expect(described, 'missing globals referenced by dl').toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { chunkModules, es2015Error, foreignRequires, globalReferences } from './bundle-check';

/** A chunk shaped like Taro's mini-program output, with the code under test as module `a`'s body. */
const chunk = (body: string, provided = '') =>
  `"use strict";(wx["webpackJsonp"]=wx["webpackJsonp"]||[]).push([[1],{"a":function(e,t,r){${provided}${body}},"b":function(){}}]);`;
const names = (body: string) =>
  globalReferences(chunkModules(chunk(body))[0]!, new Set(['a', 'b'])).map(({ name }) => name);

describe('the bundle check itself', () => {
  it('finds every module of a chunk, with its webpack require name', () => {
    expect(chunkModules(chunk('r("b")')).map(({ id, requireName }) => [id, requireName])).toEqual([
      ['a', 'r'],
      ['b', undefined],
    ]);
  });

  it('counts free identifiers in reference position, and nothing else', () => {
    expect(names('new URL("x"); fetch(1); queueMicrotask(f);')).toEqual([
      'URL',
      'fetch',
      'queueMicrotask',
      'f',
    ]);
    expect(
      names('x.URL; ({ fetch: 1 }); const Blob = 1; Blob; function g(Headers) { return Headers }'),
      'x',
    ).toEqual(['x']);
    expect(names('if (typeof AbortController !== "undefined") new AbortController();')).toEqual([
      'AbortController',
    ]);
    expect(names('typeof globalThis;')).toEqual([]);
  });

  it("reports a global webpack's ProvidePlugin swapped for another module's export", () => {
    const module = chunkModules(chunk('new s("x");', 'var s=r("taro-runtime")["URL"];'))[0]!;
    const own = new Set(['a', 'b']);
    expect(globalReferences(module, own)).toContainEqual(
      expect.objectContaining({ name: 'URL', how: 'provided', from: 'taro-runtime' }),
    );
    expect(foreignRequires(module, own)).toEqual(['taro-runtime']);
  });

  it('parses at ES2015 or says where it does not', () => {
    expect(es2015Error(chunkModules(chunk('let a = [...b]; class C {}'))[0]!)).toBeUndefined();
    expect(es2015Error(chunkModules(chunk('a?.b'))[0]!)).toMatch(/^a: Unexpected token at offset \d+: …/);
    expect(es2015Error(chunkModules(chunk('a ?? b'))[0]!)).toBeDefined();
    expect(es2015Error(chunkModules(chunk('async function f() {}'))[0]!)).toBeDefined();
  });
});

import { WEB_ONLY_GLOBALS } from '@dl/conformance/realm';
import { type Node, parse } from 'acorn';
import { analyze } from 'eslint-scope';

export { adaptersIn, DL_MARKER } from '@dl/conformance/realm';

/** A module of dl's, as published: a package's `dist/` file (the workspace's or an installed one). */
export const PUBLISHED = /(?:^|\/)(?:packages|node_modules\/@dl)\/[\w-]+\/dist\/[^/]+\.c?js$/;

/**
 * Globals a mini-program's JavaScript engine may lack; dl's code must not reference them. `globalThis` too:
 * older iOS engines lack it, and the realm the bundle runs in here has it removed.
 */
export const MISSING_GLOBALS = [...WEB_ONLY_GLOBALS, 'globalThis'] as const;

/** One module of a webpack chunk: its id (a path, with named module ids) and its function's source. */
export interface ChunkModule {
  id: string;
  source: string;
  /** The name the module function gives webpack's `require` (its third parameter), if it takes one. */
  requireName?: string | undefined;
}

type AnyNode = Node & Record<string, unknown>;

function* nodes(node: unknown): Generator<AnyNode> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) yield* nodes(item);
    return;
  }
  const value = node as AnyNode;
  if (typeof value.type === 'string') yield value;
  for (const [key, child] of Object.entries(value)) {
    if (key !== 'type' && key !== 'start' && key !== 'end' && child && typeof child === 'object')
      yield* nodes(child);
  }
}

const isString = (node: unknown): node is { type: 'Literal'; value: string } =>
  (node as AnyNode | undefined)?.type === 'Literal' &&
  typeof (node as { value?: unknown }).value === 'string';

/**
 * The modules of a mini-program chunk, `(wx.webpackJsonp = …).push([[ids], { id: function (…) {…} }])`,
 * found in its syntax tree (parsed at the latest ECMAScript version: locating the modules must not depend
 * on the version being checked).
 */
export function chunkModules(code: string): ChunkModule[] {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  for (const node of nodes(ast)) {
    if (node.type !== 'CallExpression') continue;
    const callee = node.callee as AnyNode;
    const property = callee.type === 'MemberExpression' ? (callee.property as AnyNode) : undefined;
    if (property?.name !== 'push') continue;
    const [argument] = node.arguments as AnyNode[];
    const table = argument?.type === 'ArrayExpression' ? (argument.elements as AnyNode[])[1] : undefined;
    if (table?.type !== 'ObjectExpression') continue;
    return (table.properties as AnyNode[]).map((entry) => {
      const key = entry.key as AnyNode;
      const fn = entry.value as AnyNode;
      const params = fn.params as AnyNode[];
      return {
        id: String(isString(key) ? key.value : (key.name ?? key.value)),
        source: code.slice(fn.start, fn.end),
        requireName: params[2]?.type === 'Identifier' ? String(params[2].name) : undefined,
      };
    });
  }
  throw new Error('no webpack module table found in the chunk');
}

/** The module function as a program of its own, strict like the chunk it came from. */
const asProgram = (module: ChunkModule) => `"use strict";(${module.source});`;
const PREFIX = '"use strict";('.length;

const around = (source: string, offset: number) =>
  source.slice(Math.max(0, offset - 60), offset + 60).replace(/\s+/g, ' ');

/** Parses the module at ECMAScript 2015: undefined when it parses, else where and why it does not. */
export function es2015Error(module: ChunkModule): string | undefined {
  try {
    parse(asProgram(module), { ecmaVersion: 2015, sourceType: 'script' });
    return undefined;
  } catch (error) {
    const offset = ((error as { pos?: number }).pos ?? PREFIX) - PREFIX;
    return `${module.id}: ${(error as Error).message.replace(/ \(\d+:\d+\)$/, '')} at offset ${offset}: …${around(module.source, offset)}…`;
  }
}

export interface GlobalReference {
  name: string;
  /** `free`: an identifier no scope declares. `provided`: webpack's ProvidePlugin replaced the free
   * identifier with an import from another module (Taro provides `URL`, `window`, … this way). */
  how: 'free' | 'provided';
  /** For `provided`: the module it was taken from. */
  from?: string;
  context: string;
}

/**
 * The globals the module's code refers to: free identifiers in reference position (a scope analysis,
 * so a property name such as `x.URL`, a declared local or a parameter is not one; nor is a `typeof X`
 * probe), and the globals webpack's
 * ProvidePlugin swapped for imports from modules outside `ownIds` (written `require("…")["URL"]`).
 */
export function globalReferences(module: ChunkModule, ownIds: ReadonlySet<string>): GlobalReference[] {
  const program = asProgram(module);
  // eslint-scope reads `range` from the nodes, which acorn adds when asked.
  const ast = parse(program, { ecmaVersion: 'latest', sourceType: 'script', ranges: true });
  // `typeof X` is the one reference that cannot throw when X is missing: it is how code probes for a
  // global, so it is not counted. Any other use counts, guarded by such a probe or not.
  const probes = new Set<number>();
  for (const node of nodes(ast)) {
    const argument = node.argument as AnyNode | undefined;
    if (node.type === 'UnaryExpression' && node.operator === 'typeof' && argument?.type === 'Identifier')
      probes.add(argument.start);
  }
  const found: GlobalReference[] = [];
  for (const reference of analyze(ast, { ecmaVersion: 2022, sourceType: 'script' }).globalScope!.through) {
    if (probes.has(reference.identifier.start)) continue;
    const offset = reference.identifier.start - PREFIX;
    found.push({ name: reference.identifier.name, how: 'free', context: around(module.source, offset) });
  }
  for (const node of nodes(ast)) {
    if (node.type !== 'MemberExpression' || !node.computed || !isString(node.property)) continue;
    const object = node.object as AnyNode;
    const callee = object.type === 'CallExpression' ? (object.callee as AnyNode) : undefined;
    const [request] = (object.arguments ?? []) as AnyNode[];
    if (callee?.type !== 'Identifier' || callee.name !== module.requireName || !isString(request)) continue;
    if (ownIds.has(request.value)) continue;
    found.push({
      name: node.property.value,
      how: 'provided',
      from: request.value,
      context: around(module.source, node.start - PREFIX),
    });
  }
  return found;
}

/** The ids of other modules this module requires (`require("id")`), outside `ownIds`. */
export function foreignRequires(module: ChunkModule, ownIds: ReadonlySet<string>): string[] {
  const ast = parse(asProgram(module), { ecmaVersion: 'latest', sourceType: 'script' });
  const ids = new Set<string>();
  for (const node of nodes(ast)) {
    if (node.type !== 'CallExpression') continue;
    const callee = node.callee as AnyNode;
    const [request] = node.arguments as AnyNode[];
    if (callee.type === 'Identifier' && callee.name === module.requireName && isString(request)) {
      if (!ownIds.has(request.value)) ids.add(request.value);
    }
  }
  return [...ids];
}

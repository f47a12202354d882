#!/usr/bin/env node
// `prepack` of every public package: no package packs without its build. Builds the package and the @dl
// packages it depends on when a source is newer than the build (a no-op after `pnpm build`), then fails
// when a file its `exports` (or main, module, types) names is missing from the folder.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = (folder) => JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));
/** `@dl/weapp-emulator` → `weapp-emulator`: every @dl package lives in packages/<its name>. */
const folderOf = (name) => name.slice('@dl/'.length);

const dir = process.cwd();
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const target = folderOf(pkg.name);

// The package and every @dl package it reaches through dependencies and peers, transitively.
const folders = new Set([target]);
for (const folder of folders) {
  const { dependencies = {}, peerDependencies = {} } = manifest(folder);
  for (const name of Object.keys({ ...dependencies, ...peerDependencies }))
    if (name.startsWith('@dl/')) folders.add(folderOf(name));
}
ensureBuilt(target, [...folders]);

/** Every file path a manifest points at, `dl-source` (sources, shipped too) included. */
function targets(value) {
  if (typeof value === 'string') return value.startsWith('./') ? [value] : [];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}
const named = [pkg.main, pkg.module, pkg.types, ...targets(pkg.exports)].filter(Boolean);
const missing = [...new Set(named)].filter((file) => !existsSync(join(dir, file)));
if (missing.length > 0) {
  console.error(
    `${pkg.name}: not packing, these files its manifest names are missing: ${missing.join(', ')}`,
  );
  process.exit(1);
}

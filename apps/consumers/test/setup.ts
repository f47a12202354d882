import { execFile as execFileCallback } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { ensureBuilt } from '../../../scripts/ensure-built.mjs';
import { consumerEnv, FIXTURES, PROJECTS, type ProjectName, WORKSPACE } from './projects';

const execFile = promisify(execFileCallback);

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fresh projects' directories, by name, each with the packed packages installed. */
    consumerDirs: Record<ProjectName, string>;
  }
}

/** Folder name and manifest of every public package under packages/. */
async function publicPackages(): Promise<{ folder: string; name: string }[]> {
  const folders = await readdir(join(WORKSPACE, 'packages'));
  const all = await Promise.all(
    folders.map(async (folder) => {
      const manifest = JSON.parse(
        await readFile(join(WORKSPACE, 'packages', folder, 'package.json'), 'utf8'),
      );
      return { folder, name: manifest.name as string, private: manifest.private === true };
    }),
  );
  return all.filter((pkg) => !pkg.private).map(({ folder, name }) => ({ folder, name }));
}

/** `@dl/node` → `dl-node-<version>.tgz`, as pnpm names tarballs. */
function tarballOf(files: string[], name: string): string {
  const prefix = `${name.replace('@', '').replace('/', '-')}-`;
  const found = files.find((file) => file.startsWith(prefix) && /^\d/.test(file.slice(prefix.length)));
  if (!found) throw new Error(`no tarball for ${name} among ${files.join(', ')}`);
  return found;
}

let root: string | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const seconds = { build: 0, pack: 0, install: 0 };
  const lap = (since: number) => Math.round((performance.now() - since) / 100) / 10;

  let started = performance.now();
  const packages = await publicPackages();
  // Build what is stale (a no-op after `pnpm build`), as the realm projects do.
  for (const { folder } of packages) ensureBuilt(folder, [folder]);
  seconds.build = lap(started);

  // Outside the workspace: no node_modules above these directories may lend a package.
  root = await mkdtemp(join(tmpdir(), 'dl-consumers-'));
  for (let dir = dirname(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules')))
      throw new Error(
        `${join(dir, 'node_modules')} would lend packages to the consumer projects; set TMPDIR elsewhere`,
      );
    if (dirname(dir) === dir) break;
  }
  const tarballs = join(root, 'tarballs');
  await mkdir(tarballs);
  started = performance.now();
  // `pnpm pack` as a release packs: its prepack makes sure dist/ is there, workspace:* becomes the version.
  for (const { folder } of packages) {
    await execFile('pnpm', ['pack', '--pack-destination', tarballs], {
      cwd: join(WORKSPACE, 'packages', folder),
    });
  }
  seconds.pack = lap(started);
  const packed = await readdir(tarballs);

  started = performance.now();
  const consumerDirs = {} as Record<ProjectName, string>;
  await Promise.all(
    (Object.keys(PROJECTS) as ProjectName[]).map(async (name) => {
      const dir = join(root!, name);
      await cp(join(FIXTURES, name), dir, { recursive: true });
      // Every @dl package the project uses and those they depend on (they depend only on each other),
      // from the tarballs; nothing from the registry (`--offline`).
      const specs = PROJECTS[name].map((pkg) => join(tarballs, tarballOf(packed, pkg)));
      await execFile(
        'npm',
        ['install', ...specs, '--offline', '--no-audit', '--no-fund', '--loglevel=error'],
        {
          cwd: dir,
          env: consumerEnv(),
        },
      );
      consumerDirs[name] = dir;
    }),
  );
  seconds.install = lap(started);
  console.log(
    `consumers: build ${seconds.build}s, pack ${packages.length} packages ${seconds.pack}s, install ${seconds.install}s (in ${root})`,
  );

  project.provide('consumerDirs', consumerDirs);
  return async () => {
    if (root && !process.env.DL_KEEP_CONSUMERS) await rm(root, { recursive: true, force: true });
  };
}

#!/usr/bin/env node
// A change to what a package publishes needs a changeset naming that package: fails when a public
// package's src/ (shipped in its tarball, and the source of its dist/) changed since the base without a
// changeset, added or edited since that base, whose front matter names the package.
//
// The base: on a branch, where it left main (the merge base with `origin/main`, else `main`). On main
// itself (HEAD is main's tip, or behind it) what is meaningful is the change the last commit brought:
// the base is HEAD's first parent, so a merge into main is checked as a whole. With no main ref, or no
// parent (a shallow clone), there is nothing to compare to: it says so and passes. `--base=<ref>`
// overrides the base. Afterwards it prints the release plan (`changeset status --since=<base>`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const git = (...args) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const tryGit = (...args) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};

function findBase() {
  const given = process.argv.find((arg) => arg.startsWith('--base='));
  if (given) return { base: given.slice('--base='.length), why: 'given' };
  const head = tryGit('rev-parse', 'HEAD');
  if (!head) return { skip: 'not a git checkout' };
  const mainRef = ['origin/main', 'main'].find((ref) =>
    tryGit('rev-parse', '--verify', '--quiet', `${ref}^{commit}`),
  );
  if (!mainRef) return { skip: 'no origin/main or main to compare to' };
  const mergeBase = tryGit('merge-base', 'HEAD', mainRef);
  if (!mergeBase) return { skip: `HEAD shares no history with ${mainRef} (a shallow clone?)` };
  if (mergeBase !== head) return { base: mergeBase, why: `where HEAD left ${mainRef}` };
  // HEAD is on main: check what its last commit (a merge, usually) brought, against the first parent.
  const parent = tryGit('rev-parse', '--verify', '--quiet', 'HEAD^1');
  if (!parent) return { skip: `HEAD is on ${mainRef} and has no parent here (a shallow clone?)` };
  return {
    base: parent,
    onMain: true,
    why: `HEAD is on ${mainRef}: its last commit, against the changesets pending for the next release`,
  };
}

const found = findBase();
if (found.skip) {
  console.log(`check-changesets: skipped, ${found.skip}.`);
  process.exit(0);
}
const { base, why } = found;

// Committed, staged and unstaged changes since the base, and files git does not track yet.
const changed = new Set(
  [
    ...git('diff', '--name-only', base).split('\n'),
    ...git('ls-files', '--others', '--exclude-standard').split('\n'),
  ].filter(Boolean),
);

const publicPackages = readdirSync(join(root, 'packages'))
  .map((folder) => ({
    folder,
    pkg: JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')),
  }))
  .filter(({ pkg }) => !pkg.private);
const touched = publicPackages.filter(({ folder }) =>
  [...changed].some((file) => file.startsWith(`packages/${folder}/src/`)),
);

/** Package names in a changeset's front matter (`"@dl/node": patch`). */
function named(file) {
  const text = readFileSync(join(root, file), 'utf8');
  const front = text.match(/^---\r?\n([\s\S]*?)\r?\n---/);
  if (!front) return [];
  return [...front[1].matchAll(/^\s*["']?([^"':\s]+)["']?\s*:/gm)].map((match) => match[1]);
}
const isChangeset = (file) =>
  /^\.changeset\/[^/]+\.md$/.test(file) && file !== '.changeset/README.md' && existsSync(join(root, file));
// On a branch, its own changesets must cover it. On main, changesets wait there until the release that
// consumes them, so any pending one naming the package covers the last commit.
const changesets = found.onMain
  ? readdirSync(join(root, '.changeset'))
      .map((name) => `.changeset/${name}`)
      .filter(isChangeset)
  : [...changed].filter(isChangeset);
const covered = new Set(changesets.flatMap(named));
const uncovered = touched.filter(({ pkg }) => !covered.has(pkg.name));

console.log(
  `check-changesets: base ${base.slice(0, 12)} (${why}); ${changesets.length} changeset(s) considered.`,
);
for (const { pkg } of touched)
  console.log(`  ${covered.has(pkg.name) ? '✓' : '✗'} ${pkg.name}: src/ changed`);
if (uncovered.length > 0) {
  console.error(
    `\n${uncovered.map(({ pkg }) => pkg.name).join(', ')}: src/ changed since ${base.slice(0, 12)} with no changeset naming ` +
      "it. Run `pnpm changeset` and pick the package (one changeset per package's own change).",
  );
  process.exit(1);
}

// The release plan those changesets make (informational: `changeset status` also counts changes outside src/).
try {
  execFileSync('pnpm', ['exec', 'changeset', 'status', `--since=${base}`], { cwd: root, stdio: 'inherit' });
} catch {
  console.log(
    'check-changesets: `changeset status` complained about files outside src/ (see above); not a failure here.',
  );
}

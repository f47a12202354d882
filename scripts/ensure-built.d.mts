/** Builds `@dl/<target>` and its dependencies when any of `packages` (folder names under packages/) is stale. */
export function ensureBuilt(target: string, packages: string[]): void;

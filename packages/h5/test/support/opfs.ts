/**
 * The Origin Private File System seen directly through `navigator.storage`, for the suite's independent
 * checks of what `filePath` downloads left there. Paths are `/`-separated from the OPFS root.
 */
const root = () => navigator.storage.getDirectory();

async function directory(path: string, create = false): Promise<FileSystemDirectoryHandle> {
  let dir = await root();
  for (const part of path.split('/').filter(Boolean)) dir = await dir.getDirectoryHandle(part, { create });
  return dir;
}

/** A new empty directory, e.g. `dl-tests/<run>/dir-3`. */
export async function makeDirectory(path: string): Promise<string> {
  await directory(path, true);
  return path;
}

/** Names in a directory, sorted. */
export async function listDirectory(path: string): Promise<string[]> {
  const dir = await directory(path);
  const names: string[] = [];
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  return names.sort();
}

/** A file's bytes. */
export async function readFile(path: string): Promise<Uint8Array> {
  const parts = path.split('/').filter(Boolean);
  const name = parts.pop()!;
  const dir = await directory(parts.join('/'));
  const file = await (await dir.getFileHandle(name)).getFile();
  return new Uint8Array(await file.arrayBuffer());
}

/** Removes a directory and everything in it; missing is fine. */
export async function removeDirectory(path: string): Promise<void> {
  const parts = path.split('/').filter(Boolean);
  const name = parts.pop()!;
  const parent = await directory(parts.join('/')).catch(() => undefined);
  await parent?.removeEntry(name, { recursive: true }).catch(() => {});
}

/**
 * Paths as React Native apps pass them around: `file:///…` URLs (what `<Image source>`, share sheets and
 * most libraries take) or plain absolute paths (what file-system libraries take). dl accepts both and
 * reports `file://` URLs.
 */
import { partFileName } from '@dl/core';

/** `file:///a/b%20c` → `/a/b c`; a plain path is returned as it is. */
export function toPlainPath(pathOrUrl: string): string {
  if (!pathOrUrl.startsWith('file://')) return pathOrUrl;
  const rest = pathOrUrl.slice('file://'.length);
  // `file:///x` has an empty host; `file://localhost/x` is the same file.
  const path = rest.startsWith('/') ? rest : rest.replace(/^localhost(?=\/)/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** `/a/b c` → `file:///a/b%20c`. */
export function toFileUrl(plainPath: string): string {
  const encoded = plainPath
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `file://${encoded.startsWith('/') ? '' : '/'}${encoded}`;
}

export function joinPath(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name}`;
}

export function dirName(path: string): string {
  const at = path.replace(/\/+$/, '').lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The hidden name bytes are written under before they are moved onto `finalPath`. */
export function partPathFor(finalPath: string): string {
  return joinPath(dirName(finalPath), partFileName(baseName(finalPath)));
}

// What partFileName() makes: `.<name>.<12 hex>.part`.
const PART_NAME = /^\..+\.[0-9a-f]{12}\.part$/;

/**
 * Whether `path` is an absolute path named as dl names its part files. A partial handed back in a
 * stored `resumeData` is only touched (measured, continued, removed) when it is: never any other file.
 */
export function isPartPath(path: string): boolean {
  return path.startsWith('/') && PART_NAME.test(baseName(path));
}

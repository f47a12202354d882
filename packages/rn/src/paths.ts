/**
 * Paths as React Native apps pass them around: `file:///…` URLs (what `<Image source>`, share sheets and
 * most libraries take) or plain absolute paths (what file-system libraries take). dl accepts both and
 * reports `file://` URLs.
 */

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

/** Letters and digits for unique names; `Math.random` is enough, names only need to not collide. */
function randomSuffix(length: number): string {
  let out = '';
  while (out.length < length) out += Math.random().toString(36).slice(2);
  return out.slice(0, length);
}

/** A fresh temporary file name keeping the URL's extension, so viewers that look at names still work. */
export function tempFileName(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  const ext = dot > 0 ? last.slice(dot) : '';
  const safeExt = /^\.[A-Za-z0-9]{1,10}$/.test(ext) ? ext : '';
  return `dl-${Date.now().toString(36)}-${randomSuffix(10)}${safeExt}`;
}

/** The hidden name bytes are written under before they are moved onto `finalPath`. */
export function partPathFor(finalPath: string): string {
  return joinPath(dirName(finalPath), `.${baseName(finalPath)}.${randomSuffix(8)}.part`);
}

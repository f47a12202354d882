import { basename } from 'node:path';

/** The file name a URL suggests (its last path segment), or `download` when it has none. */
export function fileNameFromUrl(url: string): string {
  let name = '';
  try {
    name = decodeURIComponent(basename(new URL(url).pathname));
  } catch {
    // a malformed URL: dl itself reports it; the name does not matter
  }
  // Never let a server-chosen name climb out of the working directory or hide itself.
  name = name.replace(/[/\\]/g, '_').replace(/^\.+/, '');
  return name || 'download';
}

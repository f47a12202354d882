import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';

/** A fresh temporary file name keeping the URL's extension, so tools that look at names still work. */
export function tempFileName(url: string): string {
  const ext = extname(new URL(url).pathname);
  const safeExt = /^\.[A-Za-z0-9]{1,10}$/.test(ext) ? ext : '';
  return `dl-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}${safeExt}`;
}

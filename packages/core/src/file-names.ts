/**
 * Names for the files adapters write: unique temporary names that keep the URL's extension, and the
 * hidden part-file name bytes go under before they are moved onto the caller's name.
 */

import { parseHttpUrl } from './url';

// Web Crypto, where the runtime has it (browsers, Node); mini-programs and React Native may not.
declare const crypto: { getRandomValues?(bytes: Uint8Array): Uint8Array } | undefined;

/** `length` lowercase hex digits: crypto randomness where the runtime has it, else Math.random. */
export function randomHex(length: number): string {
  const bytes = new Uint8Array(Math.ceil(length / 2));
  if (typeof crypto !== 'undefined' && typeof crypto?.getRandomValues === 'function') {
    crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += ((bytes[i] as number) + 0x100).toString(16).slice(1);
  return hex.slice(0, length);
}

/** A fresh temporary file name keeping the URL's extension, so tools that look at names still work. */
export function tempFileName(url: string): string {
  const parsed = parseHttpUrl(url);
  const last = typeof parsed === 'string' ? '' : (parsed.path.split('/').pop() ?? '');
  const dot = last.lastIndexOf('.');
  const ext = dot > 0 ? last.slice(dot) : '';
  const safeExt = /^\.[A-Za-z0-9]{1,10}$/.test(ext) ? ext : '';
  return `dl-${Date.now().toString(36)}-${randomHex(12)}${safeExt}`;
}

/** The hidden name, in the same directory, that a file named `name` is written under until complete. */
export function partFileName(name: string): string {
  return `.${name}.${randomHex(12)}.part`;
}

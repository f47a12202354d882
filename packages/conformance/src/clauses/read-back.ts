import { contentBytes, type LoggedRequest } from '@dl/test-server/scenarios';
import type { DownloadFileSuccessResult } from '@dl/types';
import type { SuiteContext } from '../context';

/** The GET requests for `/file` the server logged for `id`, in arrival order. */
export async function fileRequests(ctx: SuiteContext, id: string): Promise<LoggedRequest[]> {
  return (await ctx.log(id)).filter((e) => e.path === '/file' && e.method === 'GET');
}

/** Where a result's file is: `filePath` when one was asked for, else `tempFilePath`. */
export function savedPath(result: DownloadFileSuccessResult | undefined): string {
  const path = result?.filePath ?? result?.tempFilePath;
  if (!path) throw new Error('the download reported no file');
  return path;
}

/** The Subresource Integrity value of the test server's bytes for `seed` (Web Crypto: browsers and Node). */
export async function integrityOf(
  algorithm: 'sha256' | 'sha384' | 'sha512',
  size: number,
  seed: number,
): Promise<string> {
  const name = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }[algorithm];
  const digest = new Uint8Array(
    await crypto.subtle.digest(name, new Uint8Array(contentBytes(seed, 0, size))),
  );
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `${algorithm}-${btoa(binary)}`;
}

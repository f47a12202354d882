/**
 * What runs in the Chromium page: @dl/h5 and the code a web developer writes instead, each saving one URL
 * to a `blob:` URL or to the Origin Private File System. Bundled with esbuild (browser.ts) and exposed on
 * `window.bench`; each contender returns the saved size, checked by the caller, and keeps its result alive
 * until `release()` so the peak memory read after it still counts the saved file.
 */
import { createDownloader, releaseFile } from '@dl/h5';
import axios from 'axios';
import ky from 'ky';

type Save = (url: string) => Promise<number>;

let held: string[] = [];
let opfsFiles: string[] = [];

async function checkStatus(response: Response): Promise<Response> {
  if (!response.ok) throw new Error(`${response.url}: status ${response.status}`);
  return response;
}

/**
 * A `blob:` URL's size, read back through the URL itself (not from the contender's own Blob): its
 * Content-Length, the body left unread so the check copies nothing into the page.
 */
async function blobUrlSize(url: string): Promise<number> {
  held.push(url);
  const response = await fetch(url);
  await response.body?.cancel();
  return Number(response.headers.get('content-length'));
}

const opfsName = (kind: string) => `bench-${kind}-${Date.now()}-${Math.random().toString(16).slice(2)}.bin`;

async function opfsSize(name: string): Promise<number> {
  opfsFiles.push(name);
  const root = await navigator.storage.getDirectory();
  return (await (await root.getFileHandle(name)).getFile()).size;
}

const dlFetch = createDownloader({ transport: 'fetch' }).downloadFile;
const dlXhr = createDownloader({ transport: 'xhr' }).downloadFile;
const dlDefault = createDownloader().downloadFile;

export const contenders: Record<string, Save> = {
  '@dl/h5 (default)': async (url) => blobUrlSize((await dlDefault({ url, timeout: 0 })).tempFilePath),
  '@dl/h5 fetch transport': async (url) => blobUrlSize((await dlFetch({ url, timeout: 0 })).tempFilePath),
  '@dl/h5 xhr transport': async (url) => blobUrlSize((await dlXhr({ url, timeout: 0 })).tempFilePath),
  'fetch reader → new Blob(chunks)': async (url) => {
    const response = await checkStatus(await fetch(url));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    return blobUrlSize(URL.createObjectURL(new Blob(chunks as BlobPart[])));
  },
  "XHR responseType 'blob'": (url) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.responseType = 'blob';
      xhr.onload = () =>
        xhr.status === 200
          ? resolve(blobUrlSize(URL.createObjectURL(xhr.response as Blob)))
          : reject(new Error(`status ${xhr.status}`));
      xhr.onerror = () => reject(new Error('network error'));
      xhr.send();
    }),
  // The libraries a web app would pick instead: axios (its browser adapter is XHR) and ky (fetch; its
  // progress callback makes it read the body itself).
  "axios responseType 'blob'": async (url) =>
    blobUrlSize(URL.createObjectURL((await axios.get<Blob>(url, { responseType: 'blob' })).data)),
  'ky .blob()': async (url) => blobUrlSize(URL.createObjectURL(await ky(url, { timeout: false }).blob())),
  'ky .blob() with onDownloadProgress': async (url) => {
    let seen = 0;
    const blob = await ky(url, {
      timeout: false,
      onDownloadProgress: (progress) => {
        seen = progress.transferredBytes;
      },
    }).blob();
    if (seen !== blob.size) throw new Error(`progress saw ${seen} of ${blob.size} bytes`);
    return blobUrlSize(URL.createObjectURL(blob));
  },
  '@dl/h5 filePath (OPFS)': async (url) => {
    const name = opfsName('dl');
    await dlDefault({ url, filePath: name, timeout: 0 });
    return opfsSize(name);
  },
  'fetch body.pipeTo(OPFS createWritable)': async (url) => {
    const name = opfsName('pipe');
    const root = await navigator.storage.getDirectory();
    const writable = await (await root.getFileHandle(name, { create: true })).createWritable();
    const response = await checkStatus(await fetch(url));
    await (response.body as ReadableStream<Uint8Array>).pipeTo(writable);
    return opfsSize(name);
  },
};

/** Frees what the last runs saved: their `blob:` URLs and OPFS files. */
async function release(): Promise<void> {
  for (const url of held) releaseFile(url);
  held = [];
  const root = await navigator.storage.getDirectory();
  for (const name of opfsFiles) await root.removeEntry(name).catch(() => {});
  opfsFiles = [];
}

/** One run: milliseconds and the saved size. */
async function run(name: string, url: string): Promise<{ ms: number; size: number }> {
  const save = contenders[name];
  if (!save) throw new Error(`no contender ${name}`);
  const started = performance.now();
  const size = await save(url);
  return { ms: performance.now() - started, size };
}

(globalThis as { bench?: unknown }).bench = { run, release, names: Object.keys(contenders) };

/**
 * What runs in the Chromium page: @dl/h5 and the code a web developer writes instead, each saving one URL
 * to a `blob:` URL or to the Origin Private File System, or many small ones to `blob:` URLs. Bundled with
 * esbuild (browser.ts) and exposed on `window.bench`; each run returns what it saved, checked by the
 * caller, and keeps its results alive until `release()` so the peak memory read after it still counts
 * them.
 */
import { createDownloader, type H5Transport, releaseFile } from '@dl/h5';
import axios from 'axios';
import ky from 'ky';

type Save = (url: string) => Promise<number>;
/** Saves one URL to a `blob:` URL, and returns it. */
type ToBlobUrl = (url: string) => Promise<string>;

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

const xhrBlob: ToBlobUrl = (url) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'blob';
    xhr.onload = () =>
      xhr.status === 200
        ? resolve(URL.createObjectURL(xhr.response as Blob))
        : reject(new Error(`status ${xhr.status}`));
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send();
  });

/** The contenders that save to a `blob:` URL, one URL at a time. */
const toBlobUrl: Record<string, ToBlobUrl> = {
  '@dl/h5 (default)': async (url) => (await dlDefault({ url, timeout: 0 })).tempFilePath,
  '@dl/h5 fetch transport': async (url) => (await dlFetch({ url, timeout: 0 })).tempFilePath,
  '@dl/h5 xhr transport': async (url) => (await dlXhr({ url, timeout: 0 })).tempFilePath,
  'fetch reader → new Blob(chunks)': async (url) => {
    const response = await checkStatus(await fetch(url));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    return URL.createObjectURL(new Blob(chunks as BlobPart[]));
  },
  'fetch → response.blob()': async (url) =>
    URL.createObjectURL(await (await checkStatus(await fetch(url))).blob()),
  "XHR responseType 'blob'": xhrBlob,
  // The libraries a web app would pick instead: axios (its browser adapter is XHR) and ky (fetch; its
  // progress callback makes it read the body itself).
  "axios responseType 'blob'": async (url) =>
    URL.createObjectURL((await axios.get<Blob>(url, { responseType: 'blob' })).data),
  'ky .blob()': async (url) => URL.createObjectURL(await ky(url, { timeout: false }).blob()),
  'ky .blob() with onDownloadProgress': async (url) => {
    let seen = 0;
    const blob = await ky(url, {
      timeout: false,
      onDownloadProgress: (progress) => {
        seen = progress.transferredBytes;
      },
    }).blob();
    if (seen !== blob.size) throw new Error(`progress saw ${seen} of ${blob.size} bytes`);
    return URL.createObjectURL(blob);
  },
};

/** One large body: the blob contenders' size read back through their URL, and the OPFS contenders. */
export const contenders: Record<string, Save> = {
  ...Object.fromEntries(
    Object.entries(toBlobUrl).map(([name, save]) => [
      name,
      async (url: string) => blobUrlSize(await save(url)),
    ]),
  ),
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

const DL_TRANSPORTS: Record<string, H5Transport | undefined> = {
  '@dl/h5 (default)': undefined,
  '@dl/h5 fetch transport': 'fetch',
  '@dl/h5 xhr transport': 'xhr',
};

/**
 * `count` copies of `url` (each its own request) to `blob:` URLs, `concurrency` at once: @dl/h5 gets every task at once (its queue
 * runs `concurrency`), the others run a pool of that many, as users write it.
 */
async function saveMany(name: string, url: string, count: number, concurrency: number): Promise<string[]> {
  const save = toBlobUrl[name];
  if (!save) throw new Error(`no contender ${name}`);
  const urls = Array.from({ length: count }, (_, i) => `${url}&n=${i}`);
  if (name in DL_TRANSPORTS) {
    const { downloadFile } = createDownloader({ maxConcurrent: concurrency, transport: DL_TRANSPORTS[name] });
    return Promise.all(urls.map(async (u) => (await downloadFile({ url: u, timeout: 0 })).tempFilePath));
  }
  const saved: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const index = next++;
      saved[index] = await save(urls[index] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return saved;
}

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

/** Many files: milliseconds for all of them, then (untimed) every saved file's size read back. */
async function runMany(
  name: string,
  url: string,
  count: number,
  concurrency: number,
): Promise<{ ms: number; sizes: number[] }> {
  const started = performance.now();
  const saved = await saveMany(name, url, count, concurrency);
  const ms = performance.now() - started;
  const sizes: number[] = [];
  for (const blobUrl of saved) sizes.push(await blobUrlSize(blobUrl));
  return { ms, sizes };
}

(globalThis as { bench?: unknown }).bench = {
  run,
  runMany,
  release,
  names: Object.keys(contenders),
};

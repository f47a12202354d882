/**
 * dl for the web (Taro's h5 target): `downloadFile` with the whole DownloadTask contract — abort,
 * onHeadersReceived/offHeadersReceived, onProgressUpdate/offProgressUpdate — on fetch with a streamed
 * body (XMLHttpRequest where bodies do not stream). `tempFilePath` is a `blob:` URL (free it with
 * {@link releaseFile}); `filePath` saves into the Origin Private File System.
 * @packageDocumentation
 */
import { bindDownloader, contractCapabilities } from '@dl/core';
import type { AdapterInfo, DownloadFile, DownloadFileOptions } from '@dl/types';
import { CREDENTIALS, type H5Credentials, isCredentials } from './credentials';
import { createH5Driver } from './driver';
import { hasDigest } from './integrity';
import { hasOriginPrivateFileSystem } from './opfs';
import { defaultTransport, type H5Transport } from './transports';

export { DownloadError, isDownloadError } from '@dl/core';
export type * from '@dl/types';
export type { H5Credentials } from './credentials';
export { releaseFile } from './object-url';
export { hasOriginPrivateFileSystem } from './opfs';
export { type H5Transport, supportsStreamingFetch } from './transports';

/** Redirects fetch and XMLHttpRequest follow before failing; neither lets a page count them. */
export const BROWSER_MAX_REDIRECTS = 20;

/** `downloadFile`'s options on the web: the contract's, plus the credentials mode. */
export interface H5DownloadFileOptions extends DownloadFileOptions {
  /**
   * Whether cookies and HTTP authentication go with the request, as fetch's `credentials`:
   * `'same-origin'` (only to the page's own origin), `'include'` (cross-origin too; the server must answer
   * `Access-Control-Allow-Credentials: true` and a non-`*` `Access-Control-Allow-Origin`), or `'omit'`.
   * On the XMLHttpRequest fallback `'include'` sets `withCredentials` and `'omit'` acts as `'same-origin'`.
   * @default the downloader's `credentials`, itself 'same-origin'
   */
  credentials?: H5Credentials;
}

/** `downloadFile` on the web: the contract's options plus `credentials`, the result typed by `filePath`. */
export type H5DownloadFile = DownloadFile<Pick<H5DownloadFileOptions, 'credentials'>>;

export interface H5DownloaderOptions {
  /** Downloads that run at once; the rest wait. @default 10 */
  maxConcurrent?: number | undefined;
  /** Credentials mode for calls that do not set one. @default 'same-origin' */
  credentials?: H5Credentials | undefined;
  /** Force a transport (tests, or to avoid fetch). @default 'fetch' where bodies stream, else 'xhr' */
  transport?: H5Transport | undefined;
}

/** Whether this runtime's fetch is Node's (undici), which can hang on a corrupt gzip body. */
function onNodeFetch(): boolean {
  const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process
    ?.versions;
  return typeof versions?.undici === 'string';
}

/**
 * Whether this is a WebKit browser (not Chromium): WebKitGTK hands a body with a corrupt gzip encoding over
 * as complete, so dl cannot report it (the page never sees the encoded bytes).
 */
function onWebKit(): boolean {
  const agent = typeof navigator === 'object' ? navigator.userAgent : '';
  return /AppleWebKit/.test(agent) && !/Chrome|Chromium|Edg\//.test(agent);
}

/** The manifest of a downloader on `transport` (XHR keeps no bytes of a stopped request to resume). */
function adapterInfo(transport: H5Transport): AdapterInfo {
  const opfs = hasOriginPrivateFileSystem();
  const digest = hasDigest();
  const resume = transport === 'fetch';
  const noOpfs = 'this runtime has no Origin Private File System (navigator.storage.getDirectory)';
  return {
    name: 'h5',
    capabilities: contractCapabilities({
      filePath: opfs,
      atomicFilePath: opfs,
      maxRedirects: BROWSER_MAX_REDIRECTS,
      // The browser follows redirects itself and reports a too-long chain as a plain network error.
      redirectLimit: false,
      // Cookie is a forbidden request header: fetch and XMLHttpRequest drop it silently.
      cookieHeader: false,
      decodingErrors: !onNodeFetch() && !onWebKit(),
      resume,
      // Memory does not outlive the page; only an OPFS part file does (see the notes).
      persistentResume: false,
      integrity: digest,
    }),
    notes: [
      'tempFilePath is a blob: URL holding the bytes in memory until releaseFile(tempFilePath) is called.',
      opfs
        ? 'filePath saves into the Origin Private File System; where it is missing, filePath fails with FILE_SYSTEM.'
        : 'This runtime has no Origin Private File System (navigator.storage.getDirectory): filePath fails with FILE_SYSTEM.',
      'Redirects are followed by the browser (up to 20); too many fail with NETWORK, not TOO_MANY_REDIRECTS.',
      'A Cookie request header is dropped (browsers forbid pages to set it); cookies go by the credentials mode.',
      'Under Node (not a browser) fetch is undici, which can hang on a corrupt gzip body until the timeout; use @dl/node there.',
      'Cross-origin response headers other than the CORS-safelisted ones are visible only when listed in Access-Control-Expose-Headers; a hidden Content-Encoding makes the size approximate.',
      resume
        ? 'pause()/resume() and retries continue with a Range request: a tempFilePath download keeps its bytes in memory, a filePath one in its OPFS part file. Cross-origin, the server must allow If-Range (preflight) and expose ETag and Content-Range.'
        : 'Over XMLHttpRequest a stopped request keeps no bytes: pause()/resume() and retries start from zero.',
      'resumeData survives a page reload only for filePath (OPFS) downloads.',
      digest
        ? 'integrity is checked with Web Crypto once the body is complete (no streaming digest; an OPFS file is read back whole).'
        : 'No crypto.subtle here (browsers give it to secure contexts only): integrity is refused.',
    ],
    reasons: {
      ...(opfs ? {} : { filePath: noOpfs, atomicFilePath: noOpfs }),
      redirectLimit:
        'the browser follows redirects itself (up to 20) and reports a longer chain as a plain network error',
      cookieHeader: 'browsers forbid pages to set Cookie: fetch and XMLHttpRequest drop it',
      ...(onNodeFetch()
        ? { decodingErrors: "Node's fetch (undici) can leave a corrupt gzip body hanging until the timeout" }
        : onWebKit()
          ? { decodingErrors: 'WebKit hands a body with a corrupt gzip encoding over as complete' }
          : {}),
      ...(resume
        ? {}
        : {
            resume:
              'XMLHttpRequest hands a body over only whole: a stopped request leaves no bytes to continue',
          }),
      persistentResume:
        'a tempFilePath download keeps its bytes in the page memory, which a reload loses (a filePath download in OPFS survives one)',
      ...(digest
        ? {}
        : { integrity: 'no Web Crypto digest here: browsers give crypto.subtle to secure contexts only' }),
    },
  };
}

export const adapter: AdapterInfo = adapterInfo(defaultTransport());

export function createDownloader(options: H5DownloaderOptions = {}): {
  downloadFile: H5DownloadFile;
  adapter: AdapterInfo;
} {
  const transport = options.transport ?? defaultTransport();
  const credentials = options.credentials ?? 'same-origin';
  // Checked here, where a wrong value is written, not at the first download (as the queue's limit is,
  // and the transport's name, by the driver).
  if (!isCredentials(credentials)) {
    throw new RangeError(
      `credentials must be one of ${CREDENTIALS.join(', ')}, got ${JSON.stringify(credentials)}`,
    );
  }
  const driver = createH5Driver(transport, { credentials });
  const bound = bindDownloader(driver, transport === defaultTransport() ? adapter : adapterInfo(transport), {
    maxConcurrent: options.maxConcurrent,
    // Relative URLs resolve against the page, as fetch would.
    baseUrl: () => (globalThis as { location?: { href?: string } }).location?.href,
  });
  return { downloadFile: bound.downloadFile, adapter: bound.adapter };
}

export const downloadFile: H5DownloadFile = createDownloader().downloadFile;

import { type FileHandle, open, unlink } from 'node:fs/promises';
import { PlatformFailure } from './failures';
import { type HopResponse, httpGet } from './http-get';

/** What the platform does when a response carries no usable Content-Length. */
export type ProgressWithoutLength = 'none' | 'bytes';

export interface ProgressEvent {
  progress: number;
  totalBytesWritten: number;
  totalBytesExpectedToWrite: number;
}

export interface TransferRequest {
  url: string;
  header: Record<string, string>;
  /** Milliseconds for the whole transfer. */
  timeout: number;
  /** Real path the body is written to (written in place, as the platform does). */
  target: string;
  /** The same place as the platform names it, for error messages. */
  targetLabel: string;
  /** Aborts the transfer (the task's `abort()`). */
  signal: AbortSignal;
  maxRedirects: number;
  maxFileSize: number;
  progressWithoutLength: ProgressWithoutLength;
  onHeaders(statusCode: number, header: Record<string, string>, cookies: string[]): void;
  onProgress(event: ProgressEvent): void;
}

export interface TransferResult {
  statusCode: number;
  header: Record<string, string>;
  dataLength: number;
  profile: Record<string, unknown>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Request headers carrying credentials: kept only while the redirect chain stays on the first origin. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

function withoutCredentials(header: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(header)) {
    if (!CREDENTIAL_HEADERS.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

/**
 * One download as the platform performs it: GET with redirects followed (at most `maxRedirects`), the
 * final response's body written to `target` whatever its status, progress reported the platform's way
 * (an event per integer-percent change of Content-Length, which may pass 100 when the length is wrong),
 * and, on any failure, the written bytes removed.
 */
export async function transfer(request: TransferRequest): Promise<TransferResult> {
  const controller = new AbortController();
  let stopped: 'abort' | 'timeout' | undefined;
  const onAbort = () => {
    stopped ??= 'abort';
    controller.abort();
  };
  request.signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    stopped ??= 'timeout';
    controller.abort();
  }, request.timeout);

  const profile: Record<string, number | string | boolean> = {
    fetchStart: Date.now(),
    redirectStart: 0,
    redirectEnd: 0,
    protocol: 'http/1.1',
  };
  let file: FileHandle | undefined;
  let phase: 'connect' | 'body' = 'connect';
  try {
    let url = request.url;
    const firstOrigin = new URL(url).origin;
    let requestHeader = request.header;
    let response: HopResponse;
    for (let hops = 0; ; hops++) {
      profile.requestStart = Date.now();
      response = await httpGet(url, requestHeader, controller.signal);
      const location = response.header.location;
      if (!REDIRECT_STATUSES.has(response.status) || location === undefined) break;
      response.body.destroy();
      if (hops >= request.maxRedirects) throw new PlatformFailure('too-many-redirects', 'too many redirects');
      if (hops === 0) profile.redirectStart = Date.now();
      profile.redirectEnd = Date.now();
      // As browsers and curl follow redirects (the assumed platform behaviour, see the README): only to
      // http(s), and credentials stay with the first origin for the rest of the chain.
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new PlatformFailure('connect', 'invalid redirect location');
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw new PlatformFailure('connect', 'redirect refused: only http(s) locations are followed');
      if (next.origin !== firstOrigin) requestHeader = withoutCredentials(requestHeader);
      url = next.href;
    }
    profile.responseStart = Date.now();
    const { hostname, port } = new URL(url);
    Object.assign(profile, { peerIP: hostname, port: Number(port) || 80 });

    const header = { ...response.header };
    const lengthText = header['content-length'];
    const expected = lengthText !== undefined && /^\d+$/.test(lengthText.trim()) ? Number(lengthText) : -1;
    if (expected > request.maxFileSize) throw new PlatformFailure('too-large', 'exceed max file size');
    if (stopped) throw new PlatformFailure(stopped, stopped);
    request.onHeaders(response.status, header, response.cookies);

    file = await openTarget(request.target, request.targetLabel);
    phase = 'body';
    let written = 0;
    let lastPercent = -1;
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      await writeAll(file, chunk);
      written += chunk.byteLength;
      if (written > request.maxFileSize) throw new PlatformFailure('too-large', 'exceed max file size');
      if (stopped) break;
      if (expected >= 0) {
        const percent = expected === 0 ? 100 : Math.floor((written * 100) / expected);
        if (percent === lastPercent) continue;
        lastPercent = percent;
        request.onProgress({
          progress: percent,
          totalBytesWritten: written,
          totalBytesExpectedToWrite: expected,
        });
      } else if (request.progressWithoutLength === 'bytes') {
        request.onProgress({ progress: 0, totalBytesWritten: written, totalBytesExpectedToWrite: -1 });
      }
    }
    if (stopped) throw new PlatformFailure(stopped, stopped);
    await file.close();
    file = undefined;
    profile.responseEnd = Date.now();
    profile.receivedBytedCount = written;
    return { statusCode: response.status, header, dataLength: written, profile };
  } catch (error) {
    // Hang up: a failed transfer must not keep the connection (or the server's body) going.
    controller.abort();
    await file?.close().catch(() => {});
    if (phase === 'body') await unlink(request.target).catch(() => {});
    if (stopped) throw new PlatformFailure(stopped, stopped);
    if (error instanceof PlatformFailure) throw error;
    throw new PlatformFailure(phase === 'connect' ? 'connect' : 'interrupted', describe(error));
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', onAbort);
  }
}

async function openTarget(target: string, label: string): Promise<FileHandle> {
  try {
    return await open(target, 'w');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new PlatformFailure('no-such-directory', `no such file or directory, open ${label}`);
    throw new PlatformFailure('file-system', `${code ?? 'EIO'}: cannot write ${label}`);
  }
}

async function writeAll(file: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) offset += (await file.write(chunk, offset)).bytesWritten;
}

/** A fetch error's most telling reason: the socket's own message (`connect ECONNREFUSED …`). */
function describe(error: unknown): string {
  const cause = (error as { cause?: { message?: string; code?: string } } | undefined)?.cause;
  return cause?.message ?? cause?.code ?? (error instanceof Error ? error.message : String(error));
}

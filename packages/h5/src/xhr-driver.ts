import {
  asyncDriver,
  type DownloadDriver,
  type DownloadJob,
  expectedBodyLength,
  networkError,
} from '@dl/core';
import type { ResponseHeaders } from '@dl/types';
import { credentialsFor } from './credentials';
import type { H5DriverConfig } from './fetch-driver';
import { discardSaved, openSaveTarget } from './save-target';

/** `getAllResponseHeaders()` as the contract's plain object with lower-case names. */
export function parseXhrHeaders(raw: string): ResponseHeaders {
  const header: ResponseHeaders = {};
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    header[name] = name in header ? `${header[name]}, ${value}` : value;
  }
  return header;
}

interface XhrResponse {
  status: number;
  header: ResponseHeaders;
  body: Blob;
}

/** One GET through XMLHttpRequest, reporting headers and progress to the job as they come. */
function request(job: DownloadJob, credentials: RequestCredentials): Promise<XhrResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let header: ResponseHeaders = {};
    let expected = 0;
    const stop = () => xhr.abort();
    const done = () => job.signal.removeEventListener('abort', stop);
    xhr.open('GET', job.url);
    xhr.responseType = 'blob';
    // XHR has no 'omit': same-origin requests always carry cookies; 'include' is withCredentials.
    xhr.withCredentials = credentials === 'include';
    for (const [name, value] of Object.entries(job.header)) xhr.setRequestHeader(name, value);
    xhr.onreadystatechange = () => {
      if (xhr.readyState !== XMLHttpRequest.HEADERS_RECEIVED) return;
      header = parseXhrHeaders(xhr.getAllResponseHeaders());
      expected = expectedBodyLength(header);
      job.headers(xhr.status, header);
    };
    xhr.onprogress = (event) => {
      // A decoded (content-encoded) body is counted in network bytes here, which may exceed what is
      // saved; its size is unknown anyway, so only the final event reports it.
      if (expected > 0 || !header['content-encoding']) job.progress(event.loaded, expected);
    };
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, header, body: xhr.response as Blob });
    };
    xhr.onerror = () => {
      done();
      reject(networkError('network error'));
    };
    xhr.onabort = () => {
      done();
      reject(job.signal.reason ?? networkError('request aborted'));
    };
    // abort() before send() fires no event, so an already-stopped job settles here.
    if (job.signal.aborted) return reject(job.signal.reason);
    job.signal.addEventListener('abort', stop, { once: true });
    xhr.send();
  });
}

/**
 * The web platform where response bodies do not stream: XMLHttpRequest, with headers at
 * HEADERS_RECEIVED, progress from its progress events, and the whole body written to the target at the
 * end (so memory holds the body once). Same contract, same targets as the fetch driver.
 */
export function createXhrDriver(config: H5DriverConfig): DownloadDriver {
  async function download(job: DownloadJob): Promise<void> {
    const credentials = credentialsFor(job, config.credentials);
    const target = await openSaveTarget(job.filePath);
    try {
      const response = await request(job, credentials);
      if (job.signal.aborted) throw job.signal.reason;
      await target.write(response.body);
      const place = await target.commit(response.header['content-type']);
      job.succeed({
        statusCode: response.status,
        header: response.header,
        dataLength: response.body.size,
        ...place,
      });
    } catch (error) {
      await target.discard();
      throw error;
    }
  }

  return asyncDriver(download, { discard: discardSaved });
}

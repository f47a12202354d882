import { continuesAt, type DownloadJob, expectedBodyLength, networkError } from '@dl/core';
import type { ResponseHeaders } from '@dl/types';
import type { H5Credentials } from '../credentials';
import type { Transfer } from './transfer';

/** `getAllResponseHeaders()` as the contract's plain object with lower-case names. */
function parseXhrHeaders(raw: string): ResponseHeaders {
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
  /** Where the body goes in the saved bytes (`continuesAt`). */
  offset: number;
}

/** One GET through XMLHttpRequest, reporting headers and progress to the job as they come. */
function request(job: DownloadJob, credentials: H5Credentials): Promise<XhrResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let header: ResponseHeaders = {};
    let offset = 0;
    let expected = 0;
    // A decoded (content-encoded) body is counted in network bytes, which may exceed what is saved;
    // its size is unknown anyway, so only the final event reports it.
    let countsSavedBytes = true;
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
      try {
        offset = continuesAt(job, xhr.status, header);
      } catch {
        // A range that does not continue the saved bytes: the task refuses it in headers() and stops.
      }
      const length = expectedBodyLength(header);
      expected = length > 0 ? offset + length : 0;
      countsSavedBytes = length > 0 || !header['content-encoding'];
      job.headers(xhr.status, header);
    };
    xhr.onprogress = (event) => {
      if (countsSavedBytes) job.progress(offset + event.loaded, expected);
    };
    // Settle at loadend, the last event of a request, after load/error/abort: only then has the browser
    // finished with it, so the task's queue slot is not freed while the old request is still winding down.
    let outcome: (() => void) | undefined;
    xhr.onload = () => {
      outcome = () => resolve({ status: xhr.status, header, body: xhr.response as Blob, offset });
    };
    xhr.onerror = () => {
      outcome = () => reject(networkError('network error'));
    };
    xhr.onabort = () => {
      outcome = () => reject(job.signal.reason ?? networkError('request aborted'));
    };
    xhr.ontimeout = () => {
      outcome = () => reject(networkError('request timed out'));
    };
    xhr.onloadend = () => {
      done();
      (outcome ?? (() => reject(job.signal.reason ?? networkError('request ended'))))();
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
 * end (so memory holds the body once). Same contract, same targets as the fetch transport — except that
 * a stopped request leaves no bytes behind (XHR hands a body over only whole), so nothing is continued.
 */
export const xhrTransfer: Transfer = async (job, target, credentials) => {
  const response = await request(job, credentials);
  if (job.signal.aborted) throw job.signal.reason;
  await target.startAt(response.offset);
  await target.write(response.body);
  const dataLength = response.offset + response.body.size;
  return { statusCode: response.status, header: response.header, dataLength };
};

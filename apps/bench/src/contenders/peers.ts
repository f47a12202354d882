/**
 * The code a Node user writes instead of dl, one function per library: each saves one URL to one path
 * with the library's streaming API (no buffering of the whole body unless its name says so).
 */
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import axios from 'axios';
import got from 'got';
import nodeFetch from 'node-fetch';
import { request } from 'undici';

export type Save = (url: string, path: string) => Promise<void>;

function checkStatus(status: number, url: string): void {
  if (status < 200 || status > 299) throw new Error(`${url}: status ${status}`);
}

export const fetchToStream: Save = async (url, path) => {
  const response = await fetch(url);
  checkStatus(response.status, url);
  if (!response.body) throw new Error('no body');
  await pipeline(Readable.fromWeb(response.body as never), createWriteStream(path));
};

export const fetchToWriteFile: Save = async (url, path) => {
  const response = await fetch(url);
  checkStatus(response.status, url);
  await writeFile(path, new Uint8Array(await response.arrayBuffer()));
};

export const undiciToStream: Save = async (url, path) => {
  const { statusCode, body } = await request(url);
  checkStatus(statusCode, url);
  await pipeline(body, createWriteStream(path));
};

/** undici.request with the body thrown away: the cost of the request alone, no file. */
export const undiciDump: Save = async (url) => {
  const { statusCode, body } = await request(url);
  checkStatus(statusCode, url);
  await body.dump({ limit: Number.MAX_SAFE_INTEGER });
};

/**
 * node:http's get (Node's keep-alive global agent, which @dl/node requests through) with the body thrown
 * away: what Node's own HTTP client costs, beside undici's.
 */
export const httpDump: Save = (url) =>
  new Promise((resolve, reject) => {
    get(url, (response) => {
      checkStatus(response.statusCode ?? 0, url);
      response.resume();
      response.on('end', resolve).on('error', reject);
    }).on('error', reject);
  });

/**
 * What a careful user writes by hand for what dl promises: the bytes go to a part file that is renamed
 * onto the final name only once complete, and removed on failure.
 */
export const handWrittenLoop: Save = async (url, path) => {
  const part = `${path}.part`;
  try {
    const { statusCode, body } = await request(url);
    checkStatus(statusCode, url);
    await pipeline(body, createWriteStream(part, { flags: 'wx' }));
    await rename(part, path);
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
};

export const gotStream: Save = async (url, path) => {
  await pipeline(got.stream(url), createWriteStream(path));
};

export const axiosStream: Save = async (url, path) => {
  const response = await axios.get<Readable>(url, { responseType: 'stream' });
  checkStatus(response.status, url);
  await pipeline(response.data, createWriteStream(path));
};

export const nodeFetchStream: Save = async (url, path) => {
  const response = await nodeFetch(url);
  checkStatus(response.status, url);
  if (!response.body) throw new Error('no body');
  await pipeline(response.body, createWriteStream(path));
};

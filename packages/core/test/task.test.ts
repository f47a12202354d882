import type { DownloadFileSuccessResult } from '@dl/types';
import { describe, expect, it, vi } from 'vitest';
import { bindDownloader, contractCapabilities, type DownloaderConfig } from '../src/adapter';
import type { DownloadDriver, DownloadJob, SavedFile } from '../src/driver';

/** A downloadFile over a test driver, as an adapter binds one. */
const createDownloadFile = <Extra extends object = object>(
  driver: DownloadDriver<Extra>,
  config: DownloaderConfig = {},
) => bindDownloader(driver, { name: 'node', capabilities: contractCapabilities() }, config).downloadFile;

import { networkError } from '../src/errors';

const saved = (size = 3): SavedFile => ({
  statusCode: 200,
  header: {},
  dataLength: size,
  tempFilePath: '/t',
});
const url = 'http://127.0.0.1/x';

/** A driver whose jobs the test drives by hand. */
function manualDriver() {
  const jobs: DownloadJob[] = [];
  const discarded: SavedFile[] = [];
  const driver: DownloadDriver = {
    start: (job) => {
      jobs.push(job);
    },
    discard: (file) => {
      discarded.push(file);
    },
  };
  return { driver, jobs, discarded };
}

const settled = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: { code: string }) => ({ ok: false as const, code: error.code }),
  );

async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(check()).toBe(true);
}

describe('the task and its queue', () => {
  it('a driver that settles synchronously inside start() still frees its queue slot', async () => {
    const driver: DownloadDriver = { start: (job) => job.fail(networkError('refused at once')) };
    const downloadFile = createDownloadFile(driver, { maxConcurrent: 2 });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => settled(downloadFile({ url }))));
    expect(results).toEqual(Array(5).fill({ ok: false, code: 'NETWORK' }));
  });

  it('a driver that throws synchronously fails the task with NETWORK and frees its slot', async () => {
    const driver: DownloadDriver = {
      start: () => {
        throw new Error('boom');
      },
    };
    const downloadFile = createDownloadFile(driver, { maxConcurrent: 1 });
    const results = await Promise.all([1, 2, 3].map(() => settled(downloadFile({ url }))));
    expect(results).toEqual(Array(3).fill({ ok: false, code: 'NETWORK' }));
  });

  it('a driver that succeeds synchronously inside start() frees its slot too', async () => {
    const driver: DownloadDriver = { start: (job) => job.succeed(saved()) };
    const downloadFile = createDownloadFile(driver, { maxConcurrent: 1 });
    const results = await Promise.all([1, 2, 3].map(() => settled(downloadFile({ url }))));
    expect(results.every((r) => r.ok)).toBe(true);
  });
});

describe("the adapter's own options", () => {
  it('reach the driver as job.extra: every option the contract does not name, as given', async () => {
    const { driver, jobs } = manualDriver();
    const fn = () => {};
    const downloadFile = createDownloadFile<{ enableHttp2?: boolean; httpDNSServiceId?: string }>(driver);
    const task = downloadFile({
      url,
      header: { a: 'b' },
      timeout: 5_000,
      filePath: '/f',
      success: fn,
      fail: fn,
      complete: fn,
      enableHttp2: true,
      httpDNSServiceId: 'id',
    });
    await until(() => jobs.length === 1);
    expect((jobs[0] as DownloadJob).extra).toEqual({ enableHttp2: true, httpDNSServiceId: 'id' });
    task.abort();
    (jobs[0] as DownloadJob).fail(networkError('stopped'));
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('the commit point: when a task can no longer be aborted', () => {
  it('commit() is true while running; abort() after it is a no-op and the task succeeds', async () => {
    const { driver, jobs, discarded } = manualDriver();
    const task = createDownloadFile(driver)({ url });
    await until(() => jobs.length === 1);
    const job = jobs[0] as DownloadJob;
    expect(job.commit()).toBe(true);
    task.abort();
    expect(job.signal.aborted).toBe(false);
    job.succeed(saved());
    await expect(task).resolves.toMatchObject({ statusCode: 200, tempFilePath: '/t' });
    expect(discarded).toEqual([]);
  });

  it('commit() is false once the task was aborted: the driver cleans up and the task fails ABORTED', async () => {
    const { driver, jobs } = manualDriver();
    const task = createDownloadFile(driver)({ url });
    await until(() => jobs.length === 1);
    const job = jobs[0] as DownloadJob;
    task.abort();
    expect(job.signal.aborted).toBe(true);
    expect(job.commit()).toBe(false);
    job.fail(networkError('stopped'));
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('the deadline no longer applies after commit()', async () => {
    vi.useFakeTimers();
    try {
      const { driver, jobs } = manualDriver();
      const task = createDownloadFile(driver)({ url, timeout: 100 });
      await vi.advanceTimersByTimeAsync(0);
      const job = jobs[0] as DownloadJob;
      expect(job.commit()).toBe(true);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(job.signal.aborted).toBe(false);
      job.succeed(saved());
      await expect(task).resolves.toMatchObject({ statusCode: 200 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('abort() inside the final 100% progress listener is a no-op: the file is already in place', async () => {
    const { driver, jobs, discarded } = manualDriver();
    const task = createDownloadFile(driver)({ url });
    const seen: number[] = [];
    task.onProgressUpdate(({ progress }) => {
      seen.push(progress);
      if (progress === 100) task.abort();
    });
    await until(() => jobs.length === 1);
    const job = jobs[0] as DownloadJob;
    job.headers(200, { 'content-length': '3' });
    job.progress(1, 3);
    job.succeed(saved());
    const result: DownloadFileSuccessResult = await task;
    expect(result.dataLength).toBe(3);
    expect(seen).toEqual([33, 100]);
    expect(discarded).toEqual([]);
    expect(job.signal.aborted, 'the driver is not told to stop a committed download').toBe(false);
  });

  it('a driver that never calls commit() and succeeds after an abort has its file discarded', async () => {
    const { driver, jobs, discarded } = manualDriver();
    const task = createDownloadFile(driver)({ url });
    await until(() => jobs.length === 1);
    task.abort();
    const file = saved();
    (jobs[0] as DownloadJob).succeed(file);
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
    expect(discarded).toEqual([file]);
  });
});

describe('stopping leaves nothing running', () => {
  it('a driver that fails synchronously inside its abort listener leaves no grace timer behind', async () => {
    vi.useFakeTimers();
    try {
      const driver: DownloadDriver = {
        start: (job) => job.signal.addEventListener('abort', () => job.fail(networkError('stopped'))),
      };
      const task = createDownloadFile(driver)({ url, timeout: 0 });
      await vi.advanceTimersByTimeAsync(0);
      task.abort();
      await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('commit() a second time is still true: the task was not stopped', async () => {
    const { driver, jobs } = manualDriver();
    const task = createDownloadFile(driver)({ url });
    await until(() => jobs.length === 1);
    const job = jobs[0] as DownloadJob;
    expect(job.commit()).toBe(true);
    expect(job.commit()).toBe(true);
    job.succeed(saved());
    await expect(task).resolves.toMatchObject({ statusCode: 200 });
  });

  it('a caller signal whose addEventListener throws fails the task with INVALID_ARGUMENT, not silence', async () => {
    const signal = {
      aborted: false,
      addEventListener: () => {
        throw new Error('broken polyfill');
      },
      removeEventListener: () => {},
    };
    const { driver, jobs } = manualDriver();
    await expect(createDownloadFile(driver)({ url, signal })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      errMsg: expect.stringMatching(/invalid signal/),
    });
    expect(jobs).toHaveLength(0);
  });
});

describe('abort without the platform’s AbortController', () => {
  it('the job signal fires its listeners once, with the reason, and forgets them', async () => {
    const { driver, jobs } = manualDriver();
    const task = createDownloadFile(driver)({ url });
    await until(() => jobs.length === 1);
    const signal = (jobs[0] as DownloadJob).signal;
    const calls: unknown[] = [];
    const listener = () => calls.push(signal.reason);
    signal.addEventListener('abort', listener);
    signal.addEventListener('abort', listener); // the same function twice is one listener
    const removed = () => calls.push('removed one ran');
    signal.addEventListener('abort', removed);
    signal.removeEventListener('abort', removed);
    task.abort();
    task.abort();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ code: 'ABORTED' });
    (jobs[0] as DownloadJob).fail(networkError('stopped'));
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('a caller signal that only has the AbortSignal shape (a polyfill) aborts the task', async () => {
    const listeners: Array<() => void> = [];
    const signal = {
      aborted: false,
      addEventListener: (_type: 'abort', fn: () => void) => listeners.push(fn),
      removeEventListener: () => {},
    };
    const { driver, jobs } = manualDriver();
    const task = createDownloadFile(driver)({ url, signal });
    await until(() => jobs.length === 1);
    for (const fn of listeners) fn();
    expect((jobs[0] as DownloadJob).signal.aborted).toBe(true);
    (jobs[0] as DownloadJob).fail(networkError('stopped'));
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

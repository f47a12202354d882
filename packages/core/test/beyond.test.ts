import { describe, expect, it } from 'vitest';
import { bindDownloader, contractCapabilities } from '../src/adapter';
import type { DownloadDriver, DownloadJob } from '../src/driver';
import { networkError } from '../src/errors';
import { integrityMatches, parseIntegrity } from '../src/integrity';
import { continuesAt, parseContentRange, validatorOf } from '../src/resume';
import { retryAfterMs, toRetryPolicy } from '../src/retry';

const url = 'http://127.0.0.1/x';
const D256 = 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=';

describe('retry policy', () => {
  it('doubles the backoff up to 30 s, takes a function, and prefers Retry-After', () => {
    const policy = toRetryPolicy({ limit: 5, backoff: 1000 });
    if (!policy || 'code' in policy) throw new Error('expected a policy');
    expect([1, 2, 3, 6].map((n) => policy.delay(n))).toEqual([1000, 2000, 4000, 30_000]);
    expect(policy.delay(1, { 'retry-after': '3' })).toBe(3000);
    expect(policy.delay(1, { 'retry-after': '61' }), 'longer than maxRetryAfter: no retry').toBeUndefined();
    const custom = toRetryPolicy({ limit: 1, backoff: (n) => n * 7 });
    expect(custom && !('code' in custom) && custom.delay(3)).toBe(21);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('Wed, 25 Nov 2026 10:00:00 GMT');
    expect(retryAfterMs({ 'retry-after': 'Wed, 25 Nov 2026 10:00:05 GMT' }, now)).toBe(5000);
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
  });

  it('refuses a limit that is not a count', () => {
    expect(toRetryPolicy(-1)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(toRetryPolicy({ limit: 1.5 })).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(toRetryPolicy({ limit: 1, backoff: -2 })).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(toRetryPolicy(undefined)).toBeUndefined();
  });
});

describe('integrity', () => {
  it('keeps the strongest algorithm and all of its digests, ignoring unknown ones', () => {
    const sha512 = `${'A'.repeat(86)}==`;
    expect(parseIntegrity(`md5-x sha256-${D256} sha512-${sha512}?opt`)).toEqual({
      algorithm: 'sha512',
      digests: [sha512],
    });
    expect(parseIntegrity(`sha256-${D256} sha256-${D256.replace('n', 'm')}`)).toMatchObject({
      digests: [D256, D256.replace('n', 'm')],
    });
  });

  it('refuses a value with no usable entry or a digest of the wrong length', () => {
    expect(parseIntegrity('md5-abc')).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(parseIntegrity('sha256-abc=')).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(parseIntegrity(42)).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('matches only a digest it was given', () => {
    const check = { algorithm: 'sha256' as const, digests: [D256] };
    expect(integrityMatches(check, D256)).toBe(true);
    expect(integrityMatches(check, undefined)).toBe(false);
  });
});

describe('resume helpers', () => {
  it('takes a strong ETag, else Last-Modified', () => {
    expect(validatorOf({ etag: '"a"', 'last-modified': 'x' })).toBe('"a"');
    expect(validatorOf({ etag: 'W/"a"', 'last-modified': 'Tue' })).toBe('Tue');
    expect(validatorOf({})).toBeUndefined();
  });

  it('appends only a 206 from the offset asked for; anything else restarts; another range is refused', () => {
    const job = { resume: { partial: 'p', offset: 100 } };
    expect(parseContentRange({ 'content-range': 'bytes 100-199/200' })).toEqual({ first: 100, total: 200 });
    expect(continuesAt(job, 206, { 'content-range': 'bytes 100-199/200' })).toBe(100);
    expect(continuesAt(job, 200, {})).toBe(0);
    expect(continuesAt({}, 206, { 'content-range': 'bytes 100-199/200' })).toBe(0);
    expect(() => continuesAt(job, 206, { 'content-range': 'bytes 0-199/200' })).toThrow(/another range/);
    expect(() =>
      continuesAt(job, 206, { 'content-range': 'bytes 100-199/200', 'content-encoding': 'gzip' }),
    ).toThrow(/encoded/);
  });
});

/** A driver whose jobs the test drives by hand, keeping partials like a real one. */
function resumableDriver() {
  const jobs: DownloadJob[] = [];
  const dropped: string[] = [];
  const sizes = new Map<string, number>();
  const driver: DownloadDriver = {
    start: (job) => {
      jobs.push(job);
    },
    partialSize: (partial) => sizes.get(partial),
    dropPartial: (partial) => {
      dropped.push(partial);
      sizes.delete(partial);
    },
  };
  return { driver, jobs, dropped, sizes };
}

const downloaderOver = (driver: DownloadDriver) =>
  bindDownloader(driver, { name: 'node', capabilities: contractCapabilities() }, { maxConcurrent: 1 })
    .downloadFile;

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(check()).toBe(true);
}

/** A job that answered 200 with an ETag and saved `bytes` into partial `p1`. */
function halfway(job: DownloadJob, sizes: Map<string, number>, bytes = 40) {
  job.saving('p1');
  job.headers(200, { etag: '"v1"', 'content-length': '100' });
  sizes.set('p1', bytes);
  job.progress(bytes, 100);
}

describe('the task with retries, pause and resume', () => {
  it('resume() during the pause is kept: the task continues once the driver has stopped', async () => {
    const { driver, jobs, sizes } = resumableDriver();
    const task = downloaderOver(driver)({ url });
    await until(() => jobs.length === 1);
    halfway(jobs[0]!, sizes);
    task.pause();
    task.resume();
    jobs[0]!.fail(networkError('stopped'));
    await until(() => jobs.length === 2);
    expect(jobs[1]!.resume).toEqual({ partial: 'p1', offset: 40 });
    expect(jobs[1]!.header).toMatchObject({ Range: 'bytes=40-', 'If-Range': '"v1"' });
    task.abort();
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('abort() while paused removes the saved bytes before it settles', async () => {
    const { driver, jobs, dropped, sizes } = resumableDriver();
    const task = downloaderOver(driver)({ url });
    await until(() => jobs.length === 1);
    halfway(jobs[0]!, sizes);
    task.pause();
    jobs[0]!.fail(networkError('stopped'));
    await until(() => jobs[0]!.signal.aborted);
    task.abort();
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
    expect(dropped).toEqual(['p1']);
  });

  it('a paused task leaves the queue to the next task', async () => {
    const { driver, jobs, sizes } = resumableDriver();
    const downloadFile = downloaderOver(driver);
    const first = downloadFile({ url });
    const second = downloadFile({ url: `${url}2` });
    await until(() => jobs.length === 1);
    halfway(jobs[0]!, sizes);
    first.pause();
    jobs[0]!.fail(networkError('stopped'));
    await until(() => jobs.length === 2);
    expect(jobs[1]!.url).toBe(`${url}2`);
    first.abort();
    second.abort();
    await Promise.allSettled([first, second]);
  });

  it('a retried status is not reported: headers fire once, for the answer that is the result', async () => {
    const { driver, jobs } = resumableDriver();
    const task = downloaderOver(driver)({ url, retry: { limit: 1, backoff: 0 } });
    const statuses: number[] = [];
    task.onHeadersReceived(({ statusCode }) => statuses.push(statusCode));
    await until(() => jobs.length === 1);
    jobs[0]!.headers(503, {});
    expect(jobs[0]!.signal.aborted, 'the retried answer is stopped').toBe(true);
    jobs[0]!.fail(networkError('stopped'));
    await until(() => jobs.length === 2);
    jobs[1]!.headers(200, {});
    expect(jobs[1]!.commit()).toBe(true);
    jobs[1]!.succeed({ statusCode: 200, header: {}, dataLength: 0, tempFilePath: '/t' });
    await expect(task).resolves.toMatchObject({ statusCode: 200 });
    expect(statuses).toEqual([200]);
  });

  it('a saved partial without a validator is not continued: it is removed and the retry starts from zero', async () => {
    const { driver, jobs, dropped, sizes } = resumableDriver();
    const task = downloaderOver(driver)({ url, retry: { limit: 1, backoff: 0 } });
    await until(() => jobs.length === 1);
    jobs[0]!.saving('p1');
    jobs[0]!.headers(200, { 'content-length': '100' });
    sizes.set('p1', 40);
    jobs[0]!.fail(networkError('cut'));
    await until(() => jobs.length === 2);
    expect(dropped).toEqual(['p1']);
    expect(jobs[1]!.resume).toBeUndefined();
    task.abort();
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('commit() with the wrong digest fails the task with INTEGRITY', async () => {
    const { driver, jobs } = resumableDriver();
    const task = downloaderOver(driver)({ url, integrity: `sha256-${D256}` });
    await until(() => jobs.length === 1);
    expect(jobs[0]!.integrity).toEqual({ algorithm: 'sha256' });
    jobs[0]!.headers(200, {});
    expect(jobs[0]!.commit('bm90IHRoZSBkaWdlc3Q=')).toBe(false);
    jobs[0]!.fail(networkError('removed'));
    await expect(task).rejects.toMatchObject({ code: 'INTEGRITY' });
  });

  it("integrity on an adapter whose manifest lacks it: INVALID_ARGUMENT quoting the manifest's reason, no job", async () => {
    const { driver, jobs } = resumableDriver();
    const capabilities = contractCapabilities({ integrity: false });
    const refuse = (reasons?: { integrity: string }) =>
      bindDownloader(driver, { name: 'weapp', capabilities, ...(reasons ? { reasons } : {}) })
        .downloadFile({ url, integrity: `sha256-${D256}` })
        .catch((e: unknown) => e);
    expect(await refuse({ integrity: 'it needs a hasher' })).toMatchObject({
      code: 'INVALID_ARGUMENT',
      errMsg: 'downloadFile:fail integrity is not supported on weapp: it needs a hasher',
    });
    expect(await refuse()).toMatchObject({ errMsg: 'downloadFile:fail integrity is not supported on weapp' });
    expect(jobs).toEqual([]);
  });

  it('a declared size over maxBytes stops the attempt at the headers', async () => {
    const { driver, jobs } = resumableDriver();
    const task = downloaderOver(driver)({ url, maxBytes: 10 });
    await until(() => jobs.length === 1);
    jobs[0]!.headers(200, { 'content-length': '11' });
    expect(jobs[0]!.signal.aborted).toBe(true);
    jobs[0]!.fail(networkError('stopped'));
    await expect(task).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });
});

describe('pause() right after the call', () => {
  it('keeps the task out of the queue until resume()', async () => {
    const { driver, jobs } = resumableDriver();
    const task = downloaderOver(driver)({ url });
    task.pause();
    await new Promise((r) => setTimeout(r, 20));
    expect(jobs, 'nothing started while paused').toHaveLength(0);
    task.resume();
    await until(() => jobs.length === 1);
    task.abort();
    await expect(task).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('a partial named by resumeData', () => {
  it('is never removed unless a driver took it as its own', async () => {
    const { driver, jobs, dropped, sizes } = resumableDriver();
    sizes.set('/elsewhere/.x.0123456789ab.part', 10);
    const task = downloaderOver(driver)({
      url,
      resumeData: {
        adapter: 'node',
        url,
        partial: '/elsewhere/.x.0123456789ab.part',
        validator: '"v"',
        bytes: 10,
      },
    });
    await until(() => jobs.length === 1);
    expect(jobs[0]!.resume).toMatchObject({ offset: 10 });
    // The driver refuses to continue it (say, it lies outside the download's directory) and never reports it.
    jobs[0]!.fail(networkError('not ours'));
    await expect(task).rejects.toMatchObject({ code: 'NETWORK' });
    expect(dropped).toEqual([]);
  });
});

describe('maxBytes: 0', () => {
  it('accepts only an empty file: it is a limit, not "none"', async () => {
    const { driver, jobs } = resumableDriver();
    const task = downloaderOver(driver)({ url, maxBytes: 0 });
    await until(() => jobs.length === 1);
    jobs[0]!.headers(200, { 'content-length': '1' });
    expect(jobs[0]!.signal.aborted).toBe(true);
    jobs[0]!.fail(networkError('stopped'));
    await expect(task).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });
});

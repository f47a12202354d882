import { expect, expectTypeOf, it } from 'vitest';
import * as core from '../src/index';

// Every exported name is a promise to adapter authors: adding or removing one is a deliberate change.
it('@dl/core exports exactly its public surface', () => {
  expect(Object.keys(core).sort()).toEqual([
    'DownloadError',
    'ERRNO',
    'MAX_TIMER_MS',
    'UNKNOWN_SIZE_INTERVAL_MS',
    'abortError',
    'asyncDriver',
    'bindDownloader',
    'continuesAt',
    'contractCapabilities',
    'errorMessage',
    'expectedBodyLength',
    'fileSystemError',
    'followRedirects',
    'headersToRecord',
    'integrityError',
    'invalidArgument',
    'isDownloadError',
    'isRedirect',
    'networkError',
    'partFileName',
    'redirectTarget',
    'reportError',
    'tempFileName',
    'timeoutError',
    'toDownloadError',
    'tooLarge',
    'tooManyRedirects',
  ]);
});

it('the public types an adapter implements keep their shape', () => {
  expectTypeOf<core.DownloadDriver>().toHaveProperty('start');
  expectTypeOf<core.DownloadJob>().toHaveProperty('commit').toEqualTypeOf<(digest?: string) => boolean>();
  expectTypeOf<core.DownloadJob['signal']['aborted']>().toEqualTypeOf<boolean>();
  expectTypeOf<core.SavedFile>().toHaveProperty('dataLength').toEqualTypeOf<number>();
});

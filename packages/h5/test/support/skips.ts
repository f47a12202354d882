/**
 * Clauses the web platform itself cannot offer, with the reason printed beside each skipped test.
 * The behaviour the browser does have instead is proved in this package's own tests.
 */
const REDIRECTS =
  'the browser follows redirects itself (fetch and XMLHttpRequest, up to 20) and never tells the page how many ' +
  'it followed or that it gave up; a too-long chain or a loop fails with NETWORK (proved in redirects.test.ts)';

export const redirectSkips: Record<string, string> = {
  '15 redirects are followed': `${REDIRECTS}; 15 and 20 redirects are followed there too`,
  'a 16th redirect fails with TOO_MANY_REDIRECTS (errno 600008)': REDIRECTS,
  'a redirect loop fails with TOO_MANY_REDIRECTS': REDIRECTS,
};

const NO_OPFS =
  'Node has no Origin Private File System (navigator.storage.getDirectory), where filePath saves; ' +
  'the h5-chromium project runs this clause in a real browser, and file-system.test.ts proves the FILE_SYSTEM error here';

export const nodeFilePathSkips: Record<string, string> = Object.fromEntries(
  [
    'abort() with a filePath leaves nothing in the target directory',
    'an unwritable filePath fails with FILE_SYSTEM and leaves nothing behind',
    'filePath saves the bytes there, reports it, and leaves nothing else in the directory',
    'a second download to the same filePath replaces the first',
    'a body cut short never leaves a half file under filePath',
    'a failed download keeps the file that was already under filePath',
  ].map((name) => [name, NO_OPFS]),
);

/** The XMLHttpRequest fallback's own limit. */
export const xhrSkips: Record<string, string> = {
  'known size: integer percent of Content-Length, rising, one event per percent, then one 100%':
    'XMLHttpRequest fires progress events at most every 50 ms (XHR standard), so this 1 MB body served in ' +
    '~150 ms yields about 5 events where the clause wants more than 5; every other recording still checks ' +
    'the progress arithmetic, and xhr-fallback.test.ts proves rising known-size progress on a slower body',
};

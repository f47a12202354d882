/**
 * Clauses the web platform itself cannot offer, with the reason printed beside each skipped test.
 * The behaviour the browser does have instead is proved in this package's own tests.
 */
const REDIRECTS =
  'the browser follows redirects itself (fetch and XMLHttpRequest, up to 20) and never tells the page how many ' +
  'it followed or that it gave up; a too-long chain or a loop fails with NETWORK (proved in redirects.test.ts)';

export const redirectSkips: Record<string, string> = {
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

/**
 * `tempFilePath` on the web: an object URL (`blob:`) of the saved bytes. It keeps the bytes in memory
 * until released, so each one is meant to be released once the app is done with it.
 */

/** The saved bytes as an object URL (the Blob typed with the response's Content-Type, so links open as expected). */
export function createObjectUrl(saved: Blob): string {
  return URL.createObjectURL(saved);
}

/**
 * Releases a `tempFilePath` (a `blob:` URL from `downloadFile`): its bytes are freed and the URL stops
 * working. Call it once the file has been used (shown, copied, handed to the user), not before: an
 * `<img>` or `<a download>` still pointing at it will fail. Anything that is not a `blob:` URL, such as
 * an OPFS `filePath`, is ignored, and releasing twice is harmless.
 */
export function releaseFile(tempFilePath: string): void {
  if (typeof tempFilePath === 'string' && tempFilePath.startsWith('blob:')) URL.revokeObjectURL(tempFilePath);
}
